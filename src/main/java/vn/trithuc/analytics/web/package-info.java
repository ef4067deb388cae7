/** Analytics pages: dashboard, pivot, drill-down, export. */
package vn.trithuc.analytics.web;
