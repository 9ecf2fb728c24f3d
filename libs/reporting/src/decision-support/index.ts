export * from './age-band';
export * from './opportunities';
export * from './sufficiency';
