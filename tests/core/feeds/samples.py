"""Sample records the feed tests share: a registration and a foreign system's Open311 file."""
import json

from sqlalchemy import select

from core.db.models import RegulatoryMatter, Village

from .conftest import fresh_uscc

SCOPE = ("许可项目：食品经营；烟草制品零售（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以审批结果为准）。"
         "一般项目：日用百货销售；五金产品零售。")


def registration(ref, uscc, **extra):
    return {"registration_id": ref, "uscc": uscc, "name": "义乌市稠城某某食品商行", "entity_type": "个体工商户",
            "town": "稠城街道", "address": "稠城街道某路 1 号", "legal_rep": "张三", "registered_on": "2026-11-16",
            "business_scope": SCOPE, **extra}


def place(db):
    with db.sessions() as s:
        village = s.scalar(select(Village).where(Village.town_code == "330782001").order_by(Village.code))
        matter = s.scalar(select(RegulatoryMatter.code).where(RegulatoryMatter.code == "SCJG-001"))
        return village.code, matter


def foreign_file(db, path, tag):
    village, ours = place(db)
    unregistered = fresh_uscc(3100 + len(tag))
    requests = [
        {"service_request_id": f"{tag}-1", "status": "open", "service_code": "0301", "service_name": "无证无照经营",
         "description": "路边无证摊点销售熟食", "requested_datetime": "2026-11-18T09:30:00+08:00",
         "address_id": village, "extended_attributes": {"uscc": unregistered}},
        {"service_request_id": f"{tag}-2", "status": "open", "service_code": ours, "service_name": "食品销售",
         "description": "无照店铺销售过期食品", "requested_datetime": "2026-11-18T10:00:00+08:00",
         "lat": 29.306, "long": 120.075, "address_id": village, "extended_attributes": {"uscc": unregistered}},
        {"service_request_id": f"{tag}-3", "status": "open", "service_code": "0999", "service_name": "其他",
         "description": "噪音扰民", "requested_datetime": "2026-11-18T11:00:00+08:00", "lat": 29.3, "long": 120.08},
    ]
    path.write_text(json.dumps(requests, ensure_ascii=False), encoding="utf-8")
    return requests, unregistered
