/** The tool's name and version as written into every JSON output (kept equal to package.json). */
export const TOOL = Object.freeze({ name: 'netz', version: '0.1.0' });
