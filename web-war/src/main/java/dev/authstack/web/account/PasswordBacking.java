package dev.authstack.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.authstack.api.contract.PasswordChange;
import dev.authstack.api.contract.PlainText;
import dev.authstack.api.contract.UncommonPassword;
import dev.authstack.api.contract.ValidPassword;
import dev.authstack.web.Messages;
import dev.authstack.web.api.ApiClient;
import dev.authstack.web.api.ApiProblemException;
import dev.authstack.web.api.ApiUnavailableException;
import dev.authstack.web.api.ThrottledException;
import dev.authstack.web.session.ActiveUser;

/**
 * account.xhtml's password form. The new password's rules are the contract's, checked before any round trip; the
 * API ends every session of the user and answers a new one for this browser, which the web session takes over.
 */
@Named
@RequestScoped
public class PasswordBacking {

    private static final String ACCOUNT_PAGE = "/account.xhtml?faces-redirect=true";

    @Inject
    @RestClient
    ApiClient api;

    @Inject
    ActiveUser activeUser;

    @NotBlank(message = "Enter your current password.")
    private String currentPassword;

    @NotBlank(message = "Enter a new password.")
    @PlainText
    @ValidPassword
    @UncommonPassword
    private String newPassword;

    @NotBlank(message = "Enter the new password again.")
    private String confirmation;

    public String change() {
        if (!newPassword.equals(confirmation)) {
            Messages.fieldError("password:confirmation", "The two new passwords differ.");
            return null;
        }
        try {
            activeUser.signIn(api.changePassword(activeUser.bearer(), new PasswordChange(currentPassword, newPassword)));
            Messages.info("Password changed. Every other session has ended; this browser stays logged in.");
            return ACCOUNT_PAGE;
        } catch (ApiProblemException e) {
            if (e.status() == 403) {
                Messages.fieldError("password:current_password", "The current password is incorrect.");
            } else {
                Messages.error(e.getMessage());
                e.fieldErrors().forEach((field, message) -> Messages.fieldError("password:" + field, message));
            }
        } catch (ThrottledException | ApiUnavailableException e) {
            Messages.error(e.getMessage());
        }
        return null;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
