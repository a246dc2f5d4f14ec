/** The integration's virtual modules (src/integration/virtual.ts). */
declare module 'virtual:parity/user-css' {}
declare module 'virtual:parity/components/*' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
