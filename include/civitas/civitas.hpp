#pragma once
/// civitas: planning, tracking and scoring civic campaigns. Include this one header for all of it.

// core: errors, messages, enums, matrix views, limits
#include <civitas/core/enums.hpp>
#include <civitas/core/error.hpp>
#include <civitas/core/interval.hpp>
#include <civitas/core/language.hpp>
#include <civitas/core/limits.hpp>
#include <civitas/core/matrix.hpp>
#include <civitas/core/message.hpp>
#include <civitas/core/simd.hpp>

// methods: weights, rankings, rank agreement, rank uncertainty, attribution (Eigen only)
#include <civitas/methods/agreement.hpp>
#include <civitas/methods/attribution.hpp>
#include <civitas/methods/ranking.hpp>
#include <civitas/methods/reversal.hpp>
#include <civitas/methods/uncertainty.hpp>
#include <civitas/methods/weights.hpp>

// framework: frameworks, evaluation, scoring, round schemes
#include <civitas/framework/evaluation.hpp>
#include <civitas/framework/evaluation_change.hpp>
#include <civitas/framework/framework.hpp>
#include <civitas/framework/round_scheme.hpp>

// plan: working-day calendars, plans, schedule, status
#include <civitas/plan/calendar.hpp>
#include <civitas/plan/plan.hpp>
#include <civitas/plan/status.hpp>

// tracking: campaigns, observations, trends, surveys, assessment, readiness
#include <civitas/tracking/assessment.hpp>
#include <civitas/tracking/campaign.hpp>
#include <civitas/tracking/observations.hpp>
#include <civitas/tracking/readiness.hpp>
#include <civitas/tracking/survey.hpp>
#include <civitas/tracking/trend.hpp>

// store: the campaign store (submissions and every version of their values) and submission forms
#include <civitas/store/campaign_store.hpp>
#include <civitas/store/submission_form.hpp>

// report: the campaign report and the supervision circular
#include <civitas/report/circular.hpp>
#include <civitas/report/format.hpp>
#include <civitas/report/report.hpp>

// io: file formats: load_, parse_, save_, to_json
#include <civitas/io/arrow_io.hpp>
#include <civitas/io/assessment_io.hpp>
#include <civitas/io/bundled_data.hpp>
#include <civitas/io/calendar_io.hpp>
#include <civitas/io/campaign_io.hpp>
#include <civitas/io/framework_io.hpp>
#include <civitas/io/observations_io.hpp>
#include <civitas/io/plan_io.hpp>
#include <civitas/io/readiness_io.hpp>
#include <civitas/io/round_scheme_io.hpp>
#include <civitas/io/store_io.hpp>
#include <civitas/io/form_csv.hpp>
#include <civitas/io/csv.hpp>
#include <civitas/io/value_table.hpp>

#include <civitas/version.hpp>
