#!/usr/bin/env python3
"""Reference values for the Revere lists from NetworkX and SciPy, an implementation independent of
netz. Run from the project root: python3 test/reference/revere-networkx.py > test/reference/revere-networkx.json
(written with networkx 3.6.1, scipy 1.17.1). People are named as in the lists."""
import csv, glob, itertools, json, math, os
import networkx as nx
from scipy.stats import hypergeom, false_discovery_control

folder = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared', 'datasets', 'revere')
groups = {}
for path in sorted(glob.glob(os.path.join(folder, '*.csv'))):
    with open(path, encoding='utf-8') as fh:
        groups[os.path.basename(path)[:-4]] = {row['name'] for row in csv.DictReader(fh)}
people = sorted(set().union(*groups.values()))
G = nx.Graph()
G.add_nodes_from(people)
for members in groups.values():
    for a, b in itertools.combinations(sorted(members), 2):
        w = G[a][b]['weight'] + 1 if G.has_edge(a, b) else 1
        G.add_edge(a, b, weight=w)

bc = nx.betweenness_centrality(G, normalized=True)
top = sorted(people, key=lambda p: (-bc[p], p))[:25]
U = nx.Graph(G.edges())  # unweighted
U.add_nodes_from(people)
constraint = nx.constraint(U, nodes=top)
effective = nx.effective_size(U, nodes=top)
cut = sorted(nx.articulation_points(U))

strong = nx.Graph([(a, b) for a, b, d in G.edges(data=True) if d['weight'] >= 2])
core = nx.core_number(strong)
max_core = max(core.values())
cliques = sorted((sorted(c) for c in nx.find_cliques(strong) if len(c) >= 3), key=lambda c: (-len(c), c))

names = sorted(groups)
N = len(people)
pairs = []
for a, b in itertools.combinations(names, 2):
    s = len(groups[a] & groups[b])
    pairs.append({'a': a, 'b': b, 'shared': s, 'expected': len(groups[a]) * len(groups[b]) / N,
                  'pValue': float(hypergeom.sf(s - 1, N, len(groups[a]), len(groups[b])))})
q = false_discovery_control([p['pValue'] for p in pairs], method='bh')
for p, qq in zip(pairs, q):
    p['qValue'] = float(qq)

records = sorted((sum(1 for g in groups.values() if p in g) for p in people), reverse=True)
k = math.ceil(len(people) * 0.1)
n = len(records)
mean = sum(records) / n
gini = sum(abs(x - y) for x in records for y in records) / (2 * n * n * mean)

print(json.dumps({
    'betweenness': [{'name': p, 'value': bc[p], 'constraint': constraint[p], 'effectiveSize': effective[p]} for p in top],
    'cutVertices': cut,
    'strongTies': {'maxCore': max_core, 'coreSize': sum(1 for v in core.values() if v == max_core),
                   'cliques': len(cliques), 'largest': cliques[0]},
    'pairs': pairs,
    'top10Share': sum(records[:k]) / sum(records),
    'gini': gini,
}, indent=1, ensure_ascii=False))
