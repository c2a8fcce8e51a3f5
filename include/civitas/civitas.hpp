#pragma once
/// civitas: planning, tracking and scoring civic campaigns. Include this one header.

#include <civitas/assessment.hpp>
#include <civitas/attribution.hpp>
#include <civitas/calendar.hpp>
#include <civitas/campaign.hpp>
#include <civitas/campaign_io.hpp>
#include <civitas/error.hpp>
#include <civitas/evaluation.hpp>
#include <civitas/framework.hpp>
#include <civitas/io.hpp>
#include <civitas/matrix.hpp>
#include <civitas/message.hpp>
#include <civitas/observations.hpp>
#include <civitas/plan.hpp>
#include <civitas/ranking.hpp>
#include <civitas/readiness.hpp>
#include <civitas/report.hpp>
#include <civitas/status.hpp>
#include <civitas/survey.hpp>
#include <civitas/trend.hpp>
#include <civitas/uncertainty.hpp>
#include <civitas/limits.hpp>
#include <civitas/weights.hpp>
#include <civitas/plan_io.hpp>
#include <civitas/version.hpp>
