/** Registry internals: profiles, policies, search, duplicates, export, the people generator. */
package vn.trithuc.registry.internal;
