export { generateDemoCouncil, DEMO_ACTORS, type DemoScript, type DemoStep } from './generate-demo-council';
