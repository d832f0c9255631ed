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
                    .add("username", create.getUsername())
                    .add("email", create.getEmail())
                    .add("password", create.getPassword())
                    .add("is_admin", create.isAdmin())
                    .build());
            Messages.info("User " + created.getString("username") + " created.");
            return USERS_PAGE;
        } catch (ApiProblemException e) {
            showProblem(e, "create");
        } catch (ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
        create.setPassword(null);
        return null;
    }

    public String save(long id) {
        Changes changes = edits.get(id);
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("email", changes.getEmail())
                .add("is_admin", changes.isAdmin())
                .add("is_active", changes.isActive());
        if (changes.getPassword() != null && !changes.getPassword().isEmpty()) {
            body.add("password", changes.getPassword());
        }
        try {
            api.update(activeUser.token(), id, body.build());
            Messages.info("User " + changes.getUsername() + " saved.");
            return USERS_PAGE;
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

    /** What both forms share: the e-mail address, checked as the API checks it, and the role. */
    public abstract static class UserForm implements Serializable {

        private static final long serialVersionUID = 1L;

        @NotBlank(message = "Enter an e-mail address.")
        @Email(message = "Enter a valid e-mail address.")
        @Pattern(regexp = EMAIL, message = "Enter a valid e-mail address.")
        @Size(max = 254)
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
    public static class NewUser extends UserForm {

        private static final long serialVersionUID = 1L;

        @NotBlank(message = "Enter a username.")
        @Pattern(regexp = USERNAME, message = "Usernames are 3 to 50 letters, digits, '_', '.' or '-'.")
        private String username;

        @NotBlank(message = "Enter a password.")
        @PasswordRule
        private String password;

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
    public static class Changes extends UserForm {

        private static final long serialVersionUID = 1L;

        private final String username;

        @PasswordRule
        private String password;

        private boolean active;

        Changes(UserRow user) {
            this.username = user.getUsername();
            setEmail(user.getEmail());
            setAdmin(user.isAdmin());
            this.active = user.isActive();
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
