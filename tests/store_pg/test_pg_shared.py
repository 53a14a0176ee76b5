"""The backend-independent store tests of tests/store, run here against PostgreSQL: the
`store` fixture of this folder's conftest is a `PostgresStore` on a fresh database, so
each imported test checks that PostgreSQL behaves exactly as SQLite does."""

from __future__ import annotations

from test_store_copies import (
    test_a_differently_written_story_corroborates,
    test_copies_are_one_report_with_copies_listed,
    test_copy_of_an_article_without_incidents_keeps_its_own,
    test_copy_result_names_its_original,
    test_reingesting_copies_changes_nothing,
    test_short_template_leads_are_not_copies,
)
from test_store_sqlite import (
    test_a_failure_inside_an_article_leaves_nothing_of_it,
    test_article_is_stored_once,
    test_detail_has_evidence_in_its_sentence,
    test_distinct_incidents_stay_apart,
    test_event_json_has_contract_fields_and_reports,
    test_feed_state_round_trips,
    test_newest_first_pages_and_counts,
    test_queries_filter_by_time_place_text_and_actor,
    test_rejects_are_recorded_once_with_reason,
    test_stored_article_reads_back_as_extracted,
    test_two_reports_of_one_incident_share_a_canonical_event,
    test_user_merge_keeps_older_id_and_alias_resolves,
    test_user_split_gives_new_id_and_is_never_remerged,
)

__all__ = [
    "test_a_differently_written_story_corroborates",
    "test_a_failure_inside_an_article_leaves_nothing_of_it",
    "test_article_is_stored_once",
    "test_copies_are_one_report_with_copies_listed",
    "test_copy_of_an_article_without_incidents_keeps_its_own",
    "test_copy_result_names_its_original",
    "test_detail_has_evidence_in_its_sentence",
    "test_distinct_incidents_stay_apart",
    "test_event_json_has_contract_fields_and_reports",
    "test_feed_state_round_trips",
    "test_newest_first_pages_and_counts",
    "test_queries_filter_by_time_place_text_and_actor",
    "test_reingesting_copies_changes_nothing",
    "test_rejects_are_recorded_once_with_reason",
    "test_short_template_leads_are_not_copies",
    "test_stored_article_reads_back_as_extracted",
    "test_two_reports_of_one_incident_share_a_canonical_event",
    "test_user_merge_keeps_older_id_and_alias_resolves",
    "test_user_split_gives_new_id_and_is_never_remerged",
]
