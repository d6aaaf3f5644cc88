// GRPO-step data from the IFEval fixtures lives with the server code so the benchmark can use it too.
export * from "../../server/src/serve/testing/grpo-step.js";
