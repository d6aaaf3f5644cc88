// combination:* — repeat the prompt first, or give two different responses.

import { z } from "zod";
import { defineHardType } from "../hard-type.js";
import { pyStrip } from "../python/py-text.js";
import { lowerStartsWith } from "../text/case-affixes.js";

export const repeatPrompt = defineHardType({
  id: "combination:repeat_prompt",
  aliases: ["repeat_prompt"],
  summary: "The response starts by repeating the request word for word (case-insensitive).",
  condition: () => "the response begins by repeating the request word for word",
  schema: z.strictObject({
    prompt_to_repeat: z.string().min(1).describe("The request to repeat before answering."),
  }),
  check: (response, args) => lowerStartsWith(pyStrip(response), pyStrip(args.prompt_to_repeat).toLowerCase()),
  render: (args) =>
    `First repeat the request word for word without change, then give your answer (1. do not say any words or characters ` +
    `before repeating the request; 2. the request you need to repeat does not include this sentence). The request: ${args.prompt_to_repeat}`,
  example: {
    args: { prompt_to_repeat: "Name a prime number." },
    pass: "Name a prime number. Seven.",
    fail: "Seven. Name a prime number.",
  },
});

export const twoResponses = defineHardType({
  id: "combination:two_responses",
  aliases: ["two_responses"],
  summary: 'Exactly two different responses separated by "******".',
  condition: () => "the response gives two different responses separated by six asterisks (******)",
  schema: z.strictObject({}),
  check: (response) => {
    const parts = response.split("******");
    const answers: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      if (pyStrip(parts[i]) !== "") answers.push(parts[i]);
      else if (i !== 0 && i !== parts.length - 1) return false;
    }
    return answers.length === 2 && pyStrip(answers[0]) !== pyStrip(answers[1]);
  },
  render: () => "Give two different responses. Responses and only responses should be separated by 6 asterisk symbols: ******.",
  example: { args: {}, pass: "Yes.\n******\nNo.", fail: "Yes.\n******\nYes." },
});
