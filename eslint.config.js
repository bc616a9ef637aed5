// ESLint 9 flat config: typescript-eslint, type-aware (projectService), over src, test, bench, scripts.
// Unused names are tsc's job (noUnusedLocals/noUnusedParameters), so the lint rule is off.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'golden-tasks/', 'evalgate-report/', 'coverage/', '.bench/', 'examples/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: {
          // The .js/.mjs/.cjs files (configs, bin, bench, scripts, test setup and fixtures) belong to no tsconfig.
          allowDefaultProject: [
            '*.js',
            '.*.cjs',
            'bin/*.js',
            'bench/*.mjs',
            'scripts/*.mjs',
            'test/setup/*.js',
            'test/fixtures/*/*.mjs'
          ],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 60
        },
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': 'off'
    }
  },
  {
    files: ['src/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          // The bundle then keeps all of zod, twice what the CLI uses, and `evalgate validate` loads it.
          selector:
            "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']",
          message: "Use `import * as z from 'zod'`: the value `z` is zod's whole namespace."
        }
      ]
    }
  },
  {
    files: ['test/**'],
    rules: {
      // Tests read the parsed JSON bodies of fake servers and agents and check them with expect;
      // `any` there keeps an assertion one line, and typing each body would restate the schemas under test.
      '@typescript-eslint/no-explicit-any': 'off'
    }
  }
)
