// Projection → bridges: the people with the highest betweenness on the person projection, with
// their groups, whether they are a cut vertex, and Burt's constraint and effective size. The
// brokers (betweenness, the top ones, their structural holes) are one computation that may run in
// a worker thread beside the other measures (parallel.ts); the rest is assembled here.
import type { Affiliation } from '../graph/affiliation.js';
import type { Projection } from '../graph/projection.js';
import {
  type Betweenness,
  type BetweennessOptions,
  betweenness,
  type PivotShare,
} from './betweenness.js';
import {
  abandonHoles,
  type HolesShare,
  holesContext,
  type StructuralHoles,
  sharedStructuralHoles,
  startHoles,
  structuralHolesOf,
} from './structural-holes.js';

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

export interface BrokerOptions extends BetweennessOptions {
  /** How many top brokers to list. */
  readonly top: number;
}

/** The top brokers by betweenness (ties by index) with their structural holes. */
export interface Brokers {
  readonly exact: boolean;
  readonly pivots: number | null;
  readonly list: readonly {
    node: number;
    betweenness: number;
    constraint: number | null;
    effectiveSize: number | null;
  }[];
}

export function brokers(
  projection: Projection,
  options: Partial<BrokerOptions> = {},
  /** Pivots other threads may help search (see PivotShare). */
  share?: PivotShare,
  /** The top brokers' structural holes, which other threads may help compute (HolesShare). */
  holes?: HolesShare,
): Brokers {
  let bc: Betweenness;
  let ranked: (readonly [number, number])[];
  if (holes !== undefined) startHoles(holes);
  try {
    bc = betweenness(projection, options, share);
    ranked = Array.from(bc.values, (value, p) => [value, p] as const)
      .filter(([value]) => value > 0)
      .sort((a, b) => b[0] - a[0] || a[1] - b[1])
      .slice(0, options.top ?? 25);
  } catch (error) {
    if (holes !== undefined) abandonHoles(holes);
    throw error;
  }
  const nodes = ranked.map(([, node]) => node);
  const found =
    holes === undefined
      ? structuralHolesOf(holesContext(projection), nodes)
      : sharedStructuralHoles(projection, nodes, holes);
  return {
    exact: bc.exact,
    pivots: bc.pivots,
    list: ranked.map(([value, node], k) => ({
      node,
      betweenness: value,
      ...(found[k] as StructuralHoles),
    })),
  };
}

/**
 * The bridges section: the brokers found, with their groups and whether each is a cut vertex
 * (`cut`: cutVertices of the memberships, computed while the brokers are still searched).
 */
export function measureBridges(graph: Affiliation, cut: Uint8Array, found: Brokers): Bridges {
  return {
    list: found.list.map(({ node, betweenness, constraint, effectiveSize }) => ({
      id: graph.people[node]?.id ?? '',
      name: graph.people[node]?.name ?? '',
      betweenness,
      groups: (graph.personGroups[node] ?? []).map((g) => graph.groups[g] as string),
      cutVertex: cut[node] === 1,
      constraint,
      effectiveSize,
    })),
    betweenness: { exact: found.exact, pivots: found.pivots },
    cutVertices: cut.reduce((s, c) => s + c, 0),
  };
}
