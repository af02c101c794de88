// graphology's CJS typings under NodeNext: default imports are typed as the module namespace
// (TS2351/TS2349) although they work at run time. This shim gives them their real types once.
import louvainNs from 'graphology-communities-louvain';

export { UndirectedGraph } from 'graphology';

export const louvain = louvainNs as unknown as typeof louvainNs.default;
