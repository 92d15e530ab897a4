package io.couponflow.contact;

import io.couponflow.web.NameSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A contact as pages name it: first and last name, else the email address, else the shop's id. */
@Component
class ContactNames implements NameSource {
  private final ContactService contacts;

  ContactNames(ContactService contacts) {
    this.contacts = contacts;
  }

  @Override
  public String kind() {
    return "contact";
  }

  @Override
  public Optional<String> name(String id) {
    return contacts.find(id).map(Contact::displayName);
  }
}
