// Small .lsr units that random-edit tests stitch into files: every structure, names,
// comments, else-if chains. Shared by the incremental re-analysis unit test and the
// differential protocol test, so both edit the same kinds of file.

export const LSR_UNITS: ((i: number) => string)[] = [
  (i) => `first {\n  soft content "Paragraph ${i}."\n  sentences(relation: "less than", num_sentences: ${4 + i})\n}\nthen words(relation: "at least", num_words: ${10 + i})`,
  (i) => `if contains(keywords: ["k${i}"]) {\n  soft format "Item ${i}."\n} else {\n  no_comma\n}`,
  (i) => `and { lowercase words(at_most: ${50 + i}) } // note ${i}`,
  (i) => `soft style "Formal ${i}." no_comma "No commas."`,
  (i) => `define d${i} = words(at_least: ${i + 1})\nd${i}`,
  () => `if words(at_least: 0) { capital } else if lowercase { soft "x" }`,
  () => `lowercase\ncapital`,
  (i) => `first a${i} then { b } finally soft "c"`,
];
