export { generateDemoCouncil, DEMO_ACTORS, type DemoScript, type DemoStep } from './generate-demo-council';
export { demoSeedMarkOf, type DemoSeedMark } from './demo-ids';
