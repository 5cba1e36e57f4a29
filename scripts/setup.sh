# Shared set-up steps for scripts/demo and scripts/test (sourced, not run).
# Installs what a fresh Debian machine lacks, creates .venv, builds translations and web assets.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages: Qt's runtime libraries, CJK fonts, a virtual display, PostgreSQL, Node.js.
SYSTEM_PACKAGES=(
  python3 python3-venv python3-pip
  fonts-noto-cjk xvfb xauth
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
  libxcb-xkb1 libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxi6 libdbus-1-3
  libfontconfig1 libasound2
  postgresql nodejs npm
)

install_system_packages() {
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    case "$pkg" in
      nodejs|npm) command -v "$pkg" >/dev/null 2>&1 || command -v "${pkg/nodejs/node}" >/dev/null 2>&1 || missing+=("$pkg") ;;
      python3|python3-venv|python3-pip) ;;  # checked below: any Python >= 3.11 with venv will do
      *) dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg") ;;
    esac
  done
  if ! python3 -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    missing+=(python3 python3-venv python3-pip)
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "==> installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

ensure_venv() {
  local extras="${1:-}"
  if [ ! -x "$PY" ]; then
    echo "==> creating $VENV"
    python3 -m venv "$VENV"
  fi
  local stamp="$VENV/.installed$extras"
  if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
    echo "==> installing Python dependencies"
    "$PY" -m pip install -q --upgrade pip
    "$PY" -m pip install -q -e "$ROOT$extras"
    touch "$stamp"
  fi
}

build_assets() {
  if [ -f "$ROOT/package-lock.json" ] && { [ ! -d "$ROOT/node_modules" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules" ]; }; then
    echo "==> installing pinned web assets (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$ROOT/node_modules"
  fi
  "$PY" "$ROOT/scripts/build_translations.py" --release-only
}

start_postgres() {
  # Starts the Debian cluster and creates a test role and database; exports their URL.
  # The role may create roles: the tests make an application role that cannot change the audit log.
  local line ver name port
  line="$(pg_lsclusters --no-header 2>/dev/null | head -n 1 || true)"
  if [ -z "$line" ]; then
    ver="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    as_root pg_createcluster "$ver" main >/dev/null
    line="$(pg_lsclusters --no-header | head -n 1)"
  fi
  read -r ver name port _ <<<"$line"
  as_root pg_ctlcluster "$ver" "$name" start 2>/dev/null || true
  for _ in $(seq 1 30); do
    as_root runuser -u postgres -- pg_isready -q -p "$port" && break
    sleep 1
  done
  as_root runuser -u postgres -- psql -q -p "$port" -tAc \
    "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='tongguan') THEN CREATE ROLE tongguan LOGIN PASSWORD 'tongguan' CREATEDB CREATEROLE; ELSE ALTER ROLE tongguan CREATEDB CREATEROLE; END IF; END \$\$;"
  as_root runuser -u postgres -- psql -q -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname='tongguan_test'" | grep -q 1 \
    || as_root runuser -u postgres -- createdb -p "$port" -O tongguan tongguan_test
  export TONGGUAN_TEST_PG_URL="postgresql://tongguan:tongguan@localhost:$port/tongguan_test"
  export TONGGUAN_REQUIRE_PG=1
  echo "==> PostgreSQL $ver ready on port $port"
}
