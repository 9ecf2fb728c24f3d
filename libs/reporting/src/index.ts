export * from './returns/figures';
export * from './returns/build-return';
export * from './returns/movements';
export * from './returns/return-csv';
export * from './get-return.handler';
