import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import zhCN from './zh-CN'
import en from './en'

type Tree = { [key: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)))
}

function lookup(tree: Tree, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined), tree)
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|vue)$/.test(name) && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts') ? [path] : []
  })
}

describe('locales', () => {
  it('have the same keys in Chinese and English, none empty', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(zhCN as Tree).sort())
    for (const key of keys(zhCN as Tree)) {
      expect(lookup(zhCN as Tree, key), key).not.toBe('')
      expect(lookup(en as Tree, key), key).not.toBe('')
    }
  })

  it('hold every literal key the code uses', () => {
    const src = join(__dirname, '..')
    const used = new Set<string>()
    // t('a.b'), $t('a.b'), label: 'a.b' in column schemas, requiredRule('a.b'), title/section meta
    const patterns = [/\bt\(\s*'([a-zA-Z]+\.[\w.]+)'/g, /(?:label|title|section|caption): '([a-zA-Z]+\.[\w.]+)'/g, /requiredRule\('([\w.]+)'/g, /caption="([\w.]+)"/g]
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, 'utf8')
      for (const re of patterns) for (const m of text.matchAll(re)) used.add(m[1])
    }
    expect(used.size).toBeGreaterThan(100)
    const missing = [...used].filter((k) => typeof lookup(zhCN as Tree, k) !== 'string')
    expect(missing).toEqual([])
  })
})
