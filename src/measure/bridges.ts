// Projection → bridges: the people with the highest betweenness on the person projection, with
// their groups, whether they are a cut vertex, and Burt's constraint and effective size. The
// betweenness comes in computed (it may run in a worker, beside the other measures).
import type { Affiliation } from '../graph/affiliation.js';
import type { Projection } from '../graph/projection.js';
import { articulationPoints } from './articulation.js';
import type { Betweenness } from './betweenness.js';
import { holesContext, structuralHoles } from './structural-holes.js';

export interface Bridge {
  id: string;
  name: string;
  betweenness: number;
  groups: string[];
  cutVertex: boolean;
  constraint: number | null;
  effectiveSize: number | null;
}

export interface Bridges {
  list: Bridge[];
  betweenness: { exact: boolean; pivots: number | null };
  cutVertices: number;
}

export function measureBridges(
  graph: Affiliation,
  projection: Projection,
  bc: Betweenness,
  top = 25,
): Bridges {
  const cut = articulationPoints(projection);
  const ranked = Array.from(bc.values, (value, p) => [value, p] as const)
    .filter(([value]) => value > 0)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, top);
  const holes = holesContext(projection);
  const list = ranked.map(([value, p]) => {
    const { constraint, effectiveSize } = structuralHoles(holes, p);
    return {
      id: graph.people[p]?.id ?? '',
      name: graph.people[p]?.name ?? '',
      betweenness: value,
      groups: (graph.personGroups[p] ?? []).map((g) => graph.groups[g] as string),
      cutVertex: cut[p] === 1,
      constraint,
      effectiveSize,
    };
  });
  return {
    list,
    betweenness: { exact: bc.exact, pivots: bc.pivots },
    cutVertices: cut.reduce((s, c) => s + c, 0),
  };
}
