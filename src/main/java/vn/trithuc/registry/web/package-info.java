/** Registry pages and API. */
package vn.trithuc.registry.web;
