// punctuation:no_comma

import { z } from "zod";
import { defineHardType } from "../hard-type.js";

export const noComma = defineHardType({
  id: "punctuation:no_comma",
  aliases: ["no_comma", "no_commas"],
  summary: "No ASCII comma anywhere in the response.",
  condition: () => "the response contains no commas",
  schema: z.strictObject({}),
  check: (response) => !response.includes(","),
  render: () => "In your entire response, refrain from the use of any commas.",
  example: { args: {}, pass: "No commas here.", fail: "Well, one comma." },
});
