"""Peewee models of a workspace file. The tables themselves are created by migrations."""
from __future__ import annotations

from perfdesk.models import drivers  # noqa: F401  (before peewee: without psycopg)
import peewee

from perfdesk.models.fields import CellText, DecimalText

database = peewee.DatabaseProxy()


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False


class Evaluation(BaseModel):
    form = peewee.TextField()
    year = peewee.IntegerField()
    title = peewee.TextField(null=True)
    project = peewee.TextField(null=True)
    department = peewee.TextField(null=True)
    department_code = peewee.TextField(null=True)
    central_department = peewee.TextField(null=True)
    implementer = peewee.TextField(null=True)
    money_unit = peewee.TextField(null=True)
    goal_target = peewee.TextField(null=True)
    goal_actual = peewee.TextField(null=True)
    status = peewee.TextField(default="draft")
    preparer = peewee.TextField(null=True)
    phone = peewee.TextField(null=True)
    reviewer = peewee.TextField(null=True)
    head = peewee.TextField(null=True)
    finance_head = peewee.TextField(null=True)
    fill_date = peewee.TextField(null=True)
    report_sections = peewee.TextField(default="[]")  # JSON [[key, text], ...]
    remarks = peewee.TextField(null=True)
    total_weight_printed = CellText(null=True)
    total_score_printed = CellText(null=True)
    grade_printed = peewee.TextField(null=True)
    source = peewee.TextField(null=True)
    narrative_claims = peewee.TextField(default="[]")  # JSON list of str
    transcription_notes = peewee.TextField(default="[]")  # JSON list of str
    columns = peewee.TextField(default="[]")  # JSON list of optional printed columns
    unit = peewee.TextField(null=True)
    version = peewee.IntegerField(default=0)  # a new number on every edit (models.versions)
    review_comment = peewee.TextField(null=True)
    submit_note = peewee.TextField(null=True)
    final_scheme = peewee.TextField(null=True)  # JSON scoring scheme kept while final
    finalised_by = peewee.TextField(null=True)
    finalised_at = peewee.TextField(null=True)


class FundLine(BaseModel):
    evaluation = peewee.ForeignKeyField(Evaluation, on_delete="CASCADE", backref="funds")
    position = peewee.IntegerField()
    label = peewee.TextField(default="")
    declared = CellText(null=True)
    initial = CellText(null=True)
    annual = CellText(null=True)
    executed = CellText(null=True)
    balance = CellText(null=True)
    weight = CellText(null=True)
    rate_printed = peewee.TextField(null=True)
    score_printed = CellText(null=True)


class Indicator(BaseModel):
    evaluation = peewee.ForeignKeyField(Evaluation, on_delete="CASCADE", backref="indicators")
    parent = peewee.ForeignKeyField("self", null=True, on_delete="CASCADE", backref="children")
    position = peewee.IntegerField()
    level = peewee.IntegerField()
    name = peewee.TextField(default="")
    weight = CellText(null=True)
    target = peewee.TextField(null=True)
    target_adjusted = peewee.TextField(null=True)
    actual = peewee.TextField(null=True)
    direction = peewee.TextField(null=True)
    manual_score = DecimalText(null=True)
    manual_reason = peewee.TextField(null=True)
    score_printed = CellText(null=True)
    reason = peewee.TextField(null=True)
    scoring_rule = peewee.TextField(null=True)
    review_score = DecimalText(null=True)


class FundManagement(BaseModel):
    evaluation = peewee.ForeignKeyField(Evaluation, on_delete="CASCADE", backref="fund_management")
    position = peewee.IntegerField()
    item = peewee.TextField(default="")
    status = peewee.TextField(null=True)
    issues = peewee.TextField(null=True)


class AuditEvent(BaseModel):
    # No foreign key: the trail outlives a deleted evaluation.
    at = peewee.TextField()
    actor = peewee.TextField(null=True)
    evaluation_id = peewee.IntegerField(null=True)
    action = peewee.TextField()
    target = peewee.TextField(null=True)
    old = peewee.TextField(null=True)
    new = peewee.TextField(null=True)
    role = peewee.TextField(null=True)  # the database role that wrote it (on a server)
    origin = peewee.TextField(null=True)  # where an imported event came from (an offline unit's file)


class Setting(BaseModel):
    key = peewee.TextField(primary_key=True)
    value = peewee.TextField()


MODELS = (Evaluation, FundLine, Indicator, FundManagement, AuditEvent, Setting)
