// UI state of the workspace: language, phone layout, the menu drawer.
import { defineStore } from 'pinia'

export type Locale = 'zh-CN' | 'en'
export const LOCALE_KEY = 'sl_locale'
/** Widths up to this are laid out for phones (drawer menu, card lists). */
export const MOBILE_MAX_WIDTH = 768

function storedLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export const useAppStore = defineStore('app', {
  state: () => ({
    locale: storedLocale() as Locale,
    isMobile: typeof window !== 'undefined' ? window.innerWidth <= MOBILE_MAX_WIDTH : false,
    drawerOpen: false,
  }),
  actions: {
    setLocale(locale: Locale) {
      this.locale = locale
      try {
        localStorage.setItem(LOCALE_KEY, locale)
      } catch {
        // private mode: the choice lasts for this page only
      }
    },
    setWidth(width: number) {
      this.isMobile = width <= MOBILE_MAX_WIDTH
      if (!this.isMobile) this.drawerOpen = false
    },
  },
})
