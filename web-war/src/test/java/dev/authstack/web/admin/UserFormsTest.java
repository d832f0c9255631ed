package dev.authstack.web.admin;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import dev.authstack.api.contract.NewUser;
import dev.authstack.api.contract.UserChanges;
import dev.authstack.api.contract.UserView;
import dev.authstack.web.UserRow;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the users page's forms send: every shown field of an edit, a password only when one was typed. */
class UserFormsTest {

    final UserRow alice = new UserRow(new UserView(7, "alice", "alice@example.org", false, true, Instant.parse("2026-11-25T14:03:45Z"), null));

    @Test
    void anUntouchedEditSendsTheUserAsListedAndKeepsThePassword() {
        UsersBacking.EditForm form = new UsersBacking.EditForm(alice);
        assertEquals("alice", form.getUsername());
        assertEquals(new UserChanges("alice@example.org", null, false, true), form.toChanges());
    }

    @Test
    void anEmptyPasswordKeepsTheCurrentOne() {
        UsersBacking.EditForm form = new UsersBacking.EditForm(alice);
        form.setPassword("");
        assertEquals(null, form.toChanges().password());
    }

    @Test
    void anEditSendsWhatWasChanged() {
        UsersBacking.EditForm form = new UsersBacking.EditForm(alice);
        form.setEmail("alice@example.com");
        form.setPassword("a new long passphrase");
        form.setAdmin(true);
        form.setActive(false);
        assertEquals(new UserChanges("alice@example.com", "a new long passphrase", true, false), form.toChanges());
    }

    @Test
    void theCreateFormSendsANewUser() {
        UsersBacking.CreateForm form = new UsersBacking.CreateForm();
        form.setUsername("bob");
        form.setEmail("bob@example.org");
        form.setPassword("correct horse battery staple");
        form.setAdmin(true);
        assertEquals(new NewUser("bob", "bob@example.org", "correct horse battery staple", true), form.toNewUser());
    }
}
