// The side menu, built from the route sections and the user's roles.
import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import type { RoleName } from '@/api/auth'

/** One menu section: its workspace routes, optionally grouped under a title and limited to roles. */
export interface MenuSection {
  key: string
  title?: string
  icon?: Component
  roles?: readonly RoleName[]
  routes: RouteRecordRaw[]
}

export interface MenuItem {
  key: string
  title: string
  icon?: Component
  /** Absolute path for leaves; absent for groups. */
  path?: string
  children?: MenuItem[]
}

function allowed(roles: readonly RoleName[] | undefined, held: readonly RoleName[]): boolean {
  return !roles || roles.length === 0 || held.some((r) => roles.includes(r))
}

function leaf(route: RouteRecordRaw): MenuItem {
  const path = `/${route.path}`.replace(/\/+$/, '') || '/'
  return { key: path, title: route.meta?.title ?? '', icon: route.meta?.icon, path }
}

/** The menu items the holder of `held` roles may see; sections without a title stay flat. */
export function buildMenu(sections: MenuSection[], held: readonly RoleName[]): MenuItem[] {
  const items: MenuItem[] = []
  for (const section of sections) {
    if (!allowed(section.roles, held)) continue
    const leaves = section.routes.filter((r) => !r.meta?.hidden && allowed(r.meta?.roles, held)).map(leaf)
    if (leaves.length === 0) continue
    if (section.title) items.push({ key: section.key, title: section.title, icon: section.icon, children: leaves })
    else items.push(...leaves)
  }
  return items
}
