/** commonmark-spec (a devDependency, CommonJS, untyped): the CommonMark spec's examples, numbered as in the spec. */
declare module 'commonmark-spec' {
  export const tests: { markdown: string; html: string; section: string; number: number }[];
}
