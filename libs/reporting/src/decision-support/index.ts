export * from './age-band';
export * from './opportunities';
export * from './sufficiency';
export * from './placement-preview';
