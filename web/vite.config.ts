import { resolve } from "node:path";
import { defineConfig } from "vite";

// Three pages, one build: the landing page, the reception desk and the citizen's records.
export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      input: {
        index: resolve(__dirname, "index.html"),
        reception: resolve(__dirname, "reception/index.html"),
        records: resolve(__dirname, "records/index.html"),
      },
    },
  },
});
