// Fixtures shared by tests outside flows/ (the runtime's publish tests): flows that lint clean,
// and compiled flows broken one way each. Not part of what the designer, CLI or runtime ship.
export { brokenCompiledFlows, cleanCompiled } from '../compile/test-fixtures';
