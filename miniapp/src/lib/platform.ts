// Mini-program: nothing extra. The H5 build resolves platform.h5.ts instead.
export {}
