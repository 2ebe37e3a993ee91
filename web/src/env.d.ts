declare module 'virtual:examples' {
  /** The repository's examples/*.json, read at build time (see vite.config.ts). */
  const examples: { name: string; file: string; text: string }[];
  export default examples;
}
