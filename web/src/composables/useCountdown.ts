// A resend countdown (SMS codes: 60 s), stopped when the component goes away.
import { computed, onBeforeUnmount, ref } from 'vue'

export const SMS_RESEND_SECONDS = 60

/** `start()` begins counting down from `seconds`; `running` is true until it reaches 0. */
export function useCountdown(seconds = SMS_RESEND_SECONDS) {
  const remaining = ref(0)
  let timer: ReturnType<typeof setInterval> | null = null

  function stop() {
    if (timer) clearInterval(timer)
    timer = null
    remaining.value = 0
  }

  function start() {
    stop()
    remaining.value = seconds
    timer = setInterval(() => {
      remaining.value -= 1
      if (remaining.value <= 0) stop()
    }, 1000)
  }

  onBeforeUnmount(stop)
  return { remaining, running: computed(() => remaining.value > 0), start, stop }
}
