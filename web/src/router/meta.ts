// What a route says about itself: menu title and icon, roles allowed, public or bare pages.
import type { Component } from 'vue'
import type { RoleName } from '@/api/auth'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (menu, breadcrumb, document title). */
    title?: string
    icon?: Component
    /** Roles allowed (any of); absent means every logged-in user. */
    roles?: readonly RoleName[]
    /** Reachable without logging in. */
    public?: boolean
    /** Not shown in the side menu (sub-pages such as import wizards). */
    hidden?: boolean
    /** i18n key of the menu section, for breadcrumbs. */
    section?: string
    /** The page the menu highlights for a hidden sub-page. */
    activeMenu?: string
    /**
     * The page component serves other routes too (the admin lists built from a schema): it
     * starts afresh on each of them instead of being reused with new props.
     */
    sharedPage?: boolean
  }
}

export {}
