# shellcheck shell=bash
# Sourced by bin/healthid. `bin/healthid reader`: the sandbox desk reader, `cccd-reader serve` over the sandbox
# cards' emulated chips (sandbox/stack EmulatedDeskReaderCommand), for the reception page and its browser tests.
# Runs in the foreground; reads are confirmed automatically (sandbox only). READER_PORT (or HEALTHID_READER_PORT,
# 8765; bin/lib/web.sh points the reception page there), WEB_PORT (8090).
reader_port="${READER_PORT:-${HEALTHID_READER_PORT:-8765}}"
reader_serve() {
  healthid_pick_jdk
  running keycloak || die "the stack is not running: bin/healthid up"
  exec java -cp "$(stack_classpath)" vn.healthid.sandbox.stack.EmulatedDeskReaderCommand \
    --keycloak "http://localhost:$keycloak_port" --cards "$home/cards/cards" \
    --port "$reader_port" --origins "http://localhost:${WEB_PORT:-8090}"
}
