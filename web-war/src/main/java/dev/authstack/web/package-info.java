/**
 * The web app: Jakarta Faces pages that are clients of the API. Each page has its backing bean in the package named
 * after it ({@code admin/users.xhtml} and {@code admin.UsersBacking}); what several pages share (page messages, the
 * user row, Faces' CDI activation) lives here.
 */
package dev.authstack.web;
