"""The pandas + networkx peer of `npm run bench` (bench/scale.mjs runs it when Python has both).

What a notebook would do with the same exports: pandas for the core overlap numbers (people and
exclusive people per group, shared/Jaccard/overlap per pair of groups, groups-per-person
histogram), then networkx on the person projection (two people tied when they attended an event
together, weighted by the number of such events) for the graph measures netz spends most of its
time on: sampled betweenness with as many pivots as netz used, and Louvain communities.

Usage: python3 bench/peer-pandas.py DIR PIVOTS SEED MAX_TIES
Prints one JSON object on stdout: seconds per step, the core numbers, and the graph's size. The
graph part is skipped (with its reason) when the projection would hold more than MAX_TIES ties
(networkx keeps a dict per tie: about 1 KB each).
"""

import glob
import itertools
import json
import os
import sys
import time

import networkx as nx
import pandas as pd


def main():
    folder, pivots, seed, max_ties = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    seconds = {}
    started = time.perf_counter()
    frames = []
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        frame["grp"] = os.path.splitext(os.path.basename(path))[0]
        frames.append(frame)
    rows = pd.concat(frames, ignore_index=True)
    rows["email"] = rows["Email"].str.strip().str.lower()
    seconds["read"] = time.perf_counter() - started

    started = time.perf_counter()
    member = rows[["grp", "email"]].drop_duplicates()
    size = member.groupby("grp").size()
    nets = member.groupby("email").size()
    exclusive = member[member["email"].map(nets) == 1].groupby("grp").size()
    groups = [[g, int(size[g]), int(exclusive.get(g, 0))] for g in sorted(size.index)]
    both = member.merge(member, on="email")
    both = both[both["grp_x"] < both["grp_y"]]
    shared = both.groupby(["grp_x", "grp_y"]).size()
    names = sorted(size.index)
    pairs = []
    for a, b in itertools.combinations(names, 2):
        s = int(shared.get((a, b), 0))
        na, nb = int(size[a]), int(size[b])
        pairs.append([a, b, s, s / (na + nb - s), s / min(na, nb)])
    histogram = [[int(n), int(c)] for n, c in nets.value_counts().sort_index().items()]
    seconds["core"] = time.perf_counter() - started
    result = {"seconds": seconds, "core": {"groups": groups, "pairs": pairs, "histogram": histogram}}

    started = time.perf_counter()
    events = rows[["grp", "Event Name", "Event Date", "email"]].drop_duplicates()
    attendees = events.groupby(["grp", "Event Name", "Event Date"])["email"].apply(list)
    bound = sum(len(p) * (len(p) - 1) // 2 for p in attendees)
    result["events"] = len(attendees)
    if bound > max_ties:
        result["graph"] = f"skipped: up to {bound} ties (more than {max_ties})"
        print(json.dumps(result))
        return
    graph = nx.Graph()
    graph.add_nodes_from(nets.index)
    for people in attendees:
        for a, b in itertools.combinations(people, 2):
            if graph.has_edge(a, b):
                graph[a][b]["weight"] += 1
            else:
                graph.add_edge(a, b, weight=1)
    seconds["projection"] = time.perf_counter() - started
    result["graph"] = {"people": graph.number_of_nodes(), "ties": graph.number_of_edges()}

    started = time.perf_counter()
    k = None if pivots >= graph.number_of_nodes() else pivots
    nx.betweenness_centrality(graph, k=k, seed=seed)
    seconds["betweenness"] = time.perf_counter() - started

    started = time.perf_counter()
    communities = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    result["graph"]["modularity"] = nx.community.modularity(graph, communities, weight="weight")
    result["graph"]["communities"] = len(communities)
    seconds["louvain"] = time.perf_counter() - started
    print(json.dumps(result))


main()
