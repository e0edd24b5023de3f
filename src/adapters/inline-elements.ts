// Elements whose text runs on within the surrounding words: `<b>150385</b>-2000` is one number.
// Any other element starts a new block. Shared by the HTML and JSX adapters and the readable view;
// it has no dependencies, so reading it loads no parser.
export const RUNS_ON: ReadonlySet<string> = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i',
  'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strong', 'time', 'tt',
  'u', 'var', 'wbr',
]);
