#!/usr/bin/env bash
# Walk one complaint through its whole life with curl against a running demo (`npm start`).
# Usage: scripts/demo-lifecycle.sh [base-url]   (needs curl and jq-free node for JSON picking)
set -euo pipefail
BASE=${1:-http://127.0.0.1:3000}/api/v1
PASS=${KESU_DEMO_PASSWORD:-kesu-demo-2026}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const o=JSON.parse(s);console.log($1)})"; }
login() { curl -sf -c "$tmp/$1" -H 'content-type: application/json' -d "{\"username\":\"$1\",\"password\":\"$PASS\"}" "$BASE/auth/login" >/dev/null; }
call() { # user method path [body]
  curl -s -b "$tmp/$1" -X "$2" -H 'content-type: application/json' ${4:+-d "$4"} "$BASE$3"
}
step() { # user method path body → prints status
  local out; out=$(call "$@"); printf '%-11s %-6s %-42s → ' "$1" "$2" "$3"
  echo "$out" | json 'o.status + (o.code ? " ("+o.code+")" : "") + (o.remedies && o.remedies.length ? "  remedy: "+o.remedies.at(-1).amount+" fen, "+o.remedies.at(-1).status : "")'
}
login agent; login supervisor
cat_id=$(call agent GET /categories | json 'o.items.find(c=>c.code==="delay.transit").id')
agent_id=$(call agent GET /auth/me | json 'o.user.userId')
service_unit=$(call agent GET /auth/me | json 'o.user.unitId')
reg=$(call agent POST /complaints "{\"channel\":\"phone\",\"complainant\":{\"name\":\"王女士\",\"phone\":\"13800138000\"},\"title\":\"包裹三天未更新物流\",\"content\":\"我的快递从上海发出后三天没有任何物流更新。\",\"categoryId\":$cat_id,\"waybillNo\":\"KS200000000001\",\"demands\":[\"compensation\"]}")
N=$(echo "$reg" | json 'o.number'); echo "registered $N → $(echo "$reg" | json 'o.status')"
C=/complaints/$N
step agent POST $C/accept '{}'
step agent POST $C/assign "{\"unitId\":$service_unit,\"assigneeId\":$agent_id}"
step agent POST $C/start '{}'
step agent PUT $C/judgement '{"liableParty":"company","degree":"full","basis":"中转记录显示延误 48 小时","validity":"valid","validityKind":"business_error"}'
step agent POST $C/remedies '{"kinds":["apology","compensation"],"amount":5000,"description":"致歉并补偿 50 元"}'
step agent POST $C/approve '{}'
step supervisor POST $C/approve '{"comment":"同意"}'
step agent POST $C/reply '{"method":"phone","summary":"您反映包裹延误","actions":"已加急派送","result":"补偿 50 元","basis":"《快递服务》国家标准","followUp":"如有疑问请拨打客服热线"}'
step agent POST $C/confirmation '{"outcome":"satisfied"}'
step agent POST $C/archive '{}'
echo "timeline of $N:"
call agent GET $C/timeline | json 'o.items.map(e=>`  ${e.seq}. ${e.at} ${e.kind.padEnd(22)} ${e.actor.name}${e.comment?"  «"+e.comment+"»":""}`).join("\n")'
