package dev.authstack.web.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.authstack.api.contract.EmailAddress;
import dev.authstack.api.contract.NewUser;
import dev.authstack.api.contract.PlainText;
import dev.authstack.api.contract.UncommonPassword;
import dev.authstack.api.contract.UserChanges;
import dev.authstack.api.contract.UserView;
import dev.authstack.api.contract.Username;
import dev.authstack.api.contract.ValidPassword;
import dev.authstack.web.Messages;
import dev.authstack.web.UserRow;
import dev.authstack.web.api.ApiClient;
import dev.authstack.web.api.ApiProblemException;
import dev.authstack.web.api.ApiUnavailableException;
import dev.authstack.web.api.UsersPage;
import dev.authstack.web.session.ActiveUser;

/**
 * admin/users.xhtml?q=&cursor=: one page of users, searched by the prefix of a username or e-mail address. The search
 * and the page are GET parameters, so a page is a link that can be bookmarked and shared; Next follows the API's
 * cursor and First drops it. View-scoped: the table and the forms live as long as the page, and a mutation redirects
 * back to the same page (or, after a creation, to the new user).
 */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 3L;
    static final int PAGE_SIZE = 50;
    private static final String USERS_PAGE = "/admin/users.xhtml?faces-redirect=true";
    /** The page the mutation was made on: its search and cursor are the view's parameters. */
    private static final String SAME_PAGE = USERS_PAGE + "&includeViewParams=true";

    @Inject
    @RestClient
    ApiClient api;

    @Inject
    ActiveUser activeUser;

    private String q;
    private String cursor;
    private String nextCursor;
    private List<UserRow> users = List.of();
    private final CreateForm create = new CreateForm();
    private final Map<Long, EditForm> edits = new HashMap<>();
    /** The user whose edit dialog failed and is shown open again, with what was typed. */
    private Long reopenedEdit;

    /** After the view parameters are set (f:viewAction), on the GET only: a postback keeps the page it was on. */
    public void load() {
        try {
            UsersPage page = UsersPage.of(api.users(activeUser.bearer(), PAGE_SIZE, blankToNull(cursor), blankToNull(q)));
            users = page.users().stream().map(UserRow::new).toList();
            nextCursor = page.nextCursor();
            users.forEach(user -> edits.put(user.getId(), new EditForm(user)));
        } catch (ApiProblemException | ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public String createUser() {
        try {
            UserView created = api.register(activeUser.bearer(), create.toNewUser());
            Messages.info("User " + created.username() + " created.");
            // A new user has the highest id, so the last page: show it by its name instead.
            return USERS_PAGE + "&q=" + URLEncoder.encode(created.username(), StandardCharsets.UTF_8);
        } catch (ApiProblemException e) {
            showProblem(e, "create");
        } catch (ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
        create.setPassword(null);
        return null;
    }

    public String save(long id) {
        EditForm changes = edits.get(id);
        try {
            api.update(activeUser.bearer(), id, changes.toChanges());
            Messages.info("User " + changes.getUsername() + " saved.");
            return SAME_PAGE;
        } catch (ApiProblemException e) {
            showProblem(e, "edit-" + id);
        } catch (ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
        changes.setPassword(null);
        reopenedEdit = id;
        return null;
    }

    public String delete(long id) {
        String username = edits.get(id).getUsername();
        try {
            api.delete(activeUser.bearer(), id);
            Messages.info("User " + username + " deleted.");
        } catch (ApiProblemException | ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
        return SAME_PAGE;
    }

    /**
     * The API's detail at the top, and each field message next to the input of the same name in the form that was
     * sent. The inputs are named after the API's fields, so the API's answer is the only place a field name comes from.
     */
    private static void showProblem(ApiProblemException problem, String form) {
        Messages.error(problem.getMessage());
        var view = FacesContext.getCurrentInstance().getViewRoot();
        problem.fieldErrors().forEach((field, message) -> {
            String clientId = form + ":" + field;
            if (view.findComponent(":" + clientId) != null) {
                Messages.fieldError(clientId, message);
            }
        });
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getCursor() {
        return cursor;
    }

    public void setCursor(String cursor) {
        this.cursor = cursor;
    }

    public String getNextCursor() {
        return nextCursor;
    }

    public boolean isFirstPage() {
        return blankToNull(cursor) == null;
    }

    public List<UserRow> getUsers() {
        return users;
    }

    public CreateForm getCreate() {
        return create;
    }

    public Map<Long, EditForm> getEdits() {
        return edits;
    }

    public boolean isReopened(long id) {
        return reopenedEdit != null && reopenedEdit == id;
    }

    /**
     * What both forms share: the e-mail address and the role. The rules are the contract's annotations, the ones the
     * API validates with, so Faces shows the API's own rule next to the field before any round trip.
     */
    public abstract static class UserForm implements Serializable {

        private static final long serialVersionUID = 2L;

        @NotBlank(message = "Enter an e-mail address.")
        @PlainText
        @EmailAddress
        private String email;

        private boolean admin;

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public boolean isAdmin() {
            return admin;
        }

        public void setAdmin(boolean admin) {
            this.admin = admin;
        }
    }

    /** The create form. */
    public static class CreateForm extends UserForm {

        private static final long serialVersionUID = 2L;

        @NotBlank(message = "Enter a username.")
        @PlainText
        @Username
        private String username;

        @NotBlank(message = "Enter a password.")
        @PlainText
        @ValidPassword
        @UncommonPassword
        private String password;

        NewUser toNewUser() {
            return new NewUser(username, getEmail(), password, isAdmin());
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    /** One user's edit dialog, filled with the user as listed; an empty password keeps the current one. */
    public static class EditForm extends UserForm {

        private static final long serialVersionUID = 2L;

        private final String username;

        @PlainText
        @ValidPassword
        @UncommonPassword
        private String password;

        private boolean active;

        EditForm(UserRow user) {
            this.username = user.getUsername();
            setEmail(user.getEmail());
            setAdmin(user.isAdmin());
            this.active = user.isActive();
        }

        /** Every field is sent (the form shows them all); a password only when one was typed. */
        UserChanges toChanges() {
            return new UserChanges(getEmail(), password == null || password.isEmpty() ? null : password, isAdmin(), active);
        }

        public String getUsername() {
            return username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }
    }
}
