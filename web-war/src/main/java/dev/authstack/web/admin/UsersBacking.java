package dev.authstack.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.authstack.web.Messages;
import dev.authstack.web.UserRow;
import dev.authstack.web.api.ApiClient;
import dev.authstack.web.api.ApiProblemException;
import dev.authstack.web.api.ApiUnavailableException;
import dev.authstack.web.session.ActiveUser;

/** admin/users.xhtml. View-scoped: the table and the forms live as long as the page. */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String USERS_PAGE = "/admin/users.xhtml?faces-redirect=true";
    static final String USERNAME = "[A-Za-z0-9_.-]{3,50}";
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    @Inject
    ApiClient api;

    @Inject
    ActiveUser activeUser;

    private List<UserRow> users = List.of();
    private final NewUser create = new NewUser();
    private final Map<Long, Changes> edits = new HashMap<>();
    /** The user whose edit dialog failed and is shown open again, with what was typed. */
    private Long reopenedEdit;

    @PostConstruct
    void load() {
        try {
            users = api.users(activeUser.token()).getValuesAs(JsonObject.class).stream().map(UserRow::new).toList();
            users.forEach(user -> edits.put(user.getId(), new Changes(user)));
        } catch (ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
    }

    public String createUser() {
        try {
            JsonObject created = api.register(activeUser.token(), Json.createObjectBuilder()
                    .add("username", create.username)
                    .add("email", create.email)
                    .add("password", create.password)
                    .add("is_admin", create.admin)
                    .build());
            Messages.info("User " + created.getString("username") + " created.");
            return USERS_PAGE;
        } catch (ApiProblemException e) {
            showProblem(e, "create");
        } catch (ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
        create.password = null;
        return null;
    }

    public String save(long id) {
        Changes changes = edits.get(id);
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("email", changes.email)
                .add("is_admin", changes.admin)
                .add("is_active", changes.active);
        if (changes.password != null && !changes.password.isEmpty()) {
            body.add("password", changes.password);
        }
        try {
            api.update(activeUser.token(), id, body.build());
            Messages.info("User " + changes.username + " saved.");
            return USERS_PAGE;
        } catch (ApiProblemException e) {
            showProblem(e, "edit-" + id);
        } catch (ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
        changes.password = null;
        reopenedEdit = id;
        return null;
    }

    public String delete(long id) {
        String username = edits.get(id).username;
        try {
            api.delete(activeUser.token(), id);
            Messages.info("User " + username + " deleted.");
        } catch (ApiProblemException | ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
        return USERS_PAGE;
    }

    /** The API's detail at the top, its field messages next to the fields of the form that was sent. */
    private static void showProblem(ApiProblemException problem, String form) {
        Messages.error(problem.getMessage());
        problem.fieldErrors().forEach((field, message) -> Messages.fieldError(form + ":" + fieldId(field), message));
    }

    private static String fieldId(String apiField) {
        return switch (apiField) {
            case "is_admin" -> "admin";
            case "is_active" -> "active";
            default -> apiField;
        };
    }

    public List<UserRow> getUsers() {
        return users;
    }

    public NewUser getCreate() {
        return create;
    }

    public Map<Long, Changes> getEdits() {
        return edits;
    }

    public boolean isReopened(long id) {
        return reopenedEdit != null && reopenedEdit == id;
    }

    /** The create form. */
    public static class NewUser implements Serializable {

        private static final long serialVersionUID = 1L;

        @NotBlank(message = "Enter a username.")
        @Pattern(regexp = USERNAME, message = "Usernames are 3 to 50 letters, digits, '_', '.' or '-'.")
        private String username;

        @NotBlank(message = "Enter an e-mail address.")
        @Email(message = "Enter a valid e-mail address.")
        @Pattern(regexp = EMAIL, message = "Enter a valid e-mail address.")
        @Size(max = 254)
        private String email;

        @NotBlank(message = "Enter a password.")
        @PasswordRule
        private String password;

        private boolean admin;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public boolean isAdmin() {
            return admin;
        }

        public void setAdmin(boolean admin) {
            this.admin = admin;
        }
    }

    /** One user's edit dialog, filled with the user as listed. */
    public static class Changes implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String username;

        @NotBlank(message = "Enter an e-mail address.")
        @Email(message = "Enter a valid e-mail address.")
        @Pattern(regexp = EMAIL, message = "Enter a valid e-mail address.")
        @Size(max = 254)
        private String email;

        @PasswordRule
        private String password;

        private boolean admin;
        private boolean active;

        Changes(UserRow user) {
            this.username = user.getUsername();
            this.email = user.getEmail();
            this.admin = user.isAdmin();
            this.active = user.isActive();
        }

        public String getUsername() {
            return username;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public boolean isAdmin() {
            return admin;
        }

        public void setAdmin(boolean admin) {
            this.admin = admin;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }
    }
}
