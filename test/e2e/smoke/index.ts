// Browser smoke steps of the real extension, run by code-server-runner after
// the mocha suite, in one workbench page, in this order.
import type { SmokeStep } from "../code-server/smoke-types.js";
import { editorSteps } from "./editor-steps.js";
import { judgeSteps } from "./judge-steps.js";
import { scopeSteps } from "./scope-steps.js";
import { scoreSteps } from "./score-steps.js";
import { uxSteps } from "./ux-steps.js";

// scopeSteps last: it replaces the last score the steps before it read.
export const smokeSteps: SmokeStep[] = [...editorSteps, ...scoreSteps, ...uxSteps, ...judgeSteps, ...scopeSteps];
