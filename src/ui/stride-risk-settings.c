/* stride-risk-settings.c
 *
 * Copyright 2026 The StrideStrong authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "stride-risk-settings"

#include "config.h"

#include "stride-risk-settings.h"

/* g_settings_get_*() abort on a key the schema does not have (an older
 * schema installed next to a newer binary): such keys keep the default. */
static gboolean
has_key (GSettings  *settings,
         const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);

  return schema != NULL && g_settings_schema_has_key (schema, key);
}

static void
read_double (GSettings  *settings,
             const char *key,
             double     *value)
{
  if (has_key (settings, key))
    *value = g_settings_get_double (settings, key);
}

static void
read_uint (GSettings  *settings,
           const char *key,
           guint      *value)
{
  if (has_key (settings, key))
    *value = g_settings_get_uint (settings, key);
}

static void
read_int (GSettings  *settings,
          const char *key,
          gint       *value)
{
  if (has_key (settings, key))
    *value = g_settings_get_int (settings, key);
}

void
stride_risk_settings_read (GSettings            *settings,
                           StrideRiskThresholds *thresholds)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (thresholds != NULL);

  stride_risk_thresholds_init (thresholds);

  read_double (settings, "risk-spike-caution", &thresholds->spike_caution_percent);
  read_double (settings, "risk-spike-warning", &thresholds->spike_warning_percent);
  read_double (settings, "risk-acwr-low", &thresholds->acwr_low);
  read_double (settings, "risk-acwr-high", &thresholds->acwr_high);
  read_double (settings, "risk-acwr-warning", &thresholds->acwr_warning);
  read_double (settings, "risk-ramp-caution", &thresholds->ramp_caution_percent);
  read_double (settings, "risk-monotony-caution", &thresholds->monotony_caution);
  read_uint (settings, "risk-strength-sessions", &thresholds->strength_min_sessions);
  read_double (settings, "risk-spacing-after-run", &thresholds->spacing_after_run_h);
  read_double (settings, "risk-spacing-before-key", &thresholds->spacing_before_key_h);
  read_int (settings, "risk-pain-severity", &thresholds->pain_severity);
  read_uint (settings, "risk-pain-days", &thresholds->pain_same_spot_days);
  read_double (settings, "risk-shoe-limit", &thresholds->shoe_limit_km);
  read_double (settings, "risk-lsi-watch", &thresholds->lsi_watch_percent);
  read_double (settings, "risk-lsi-warning", &thresholds->lsi_warning_percent);
}

gboolean
stride_risk_settings_read_previous_injury (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  return has_key (settings, "previous-injury")
         && g_settings_get_boolean (settings, "previous-injury");
}
