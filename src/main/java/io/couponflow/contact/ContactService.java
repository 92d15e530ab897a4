package io.couponflow.contact;

import io.couponflow.common.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contacts and their events. Storing an event publishes it in the same transaction, for workflows to start from. */
@Service
public class ContactService {
  private final ContactRepository contacts;
  private final ActivityLog activity;
  private final ApplicationEventPublisher publisher;
  private final Clock clock;

  ContactService(ContactRepository contacts, ActivityLog activity, ApplicationEventPublisher publisher, Clock clock) {
    this.contacts = contacts;
    this.activity = activity;
    this.publisher = publisher;
    this.clock = clock;
  }

  public record PutResult(Contact contact, boolean created) {}

  @Transactional
  public PutResult put(String id, PutContactRequest request) {
    if (id.isBlank() || id.length() > 200) {
      throw ApiException.invalid("id", "a contact id is 1 to 200 characters");
    }
    Instant now = clock.instant();
    Map<String, String> fields = request.fields() == null ? Map.of() : Map.copyOf(request.fields());
    Optional<Contact> existing = contacts.find(id);
    if (existing.isPresent()) {
      contacts.update(new Contact(id, request.email(), request.firstName(), request.lastName(), fields,
          existing.get().createdAt(), now));
      return new PutResult(require(id), false);
    }
    contacts.insert(new Contact(id, request.email(), request.firstName(), request.lastName(), fields, now, now));
    return new PutResult(require(id), true);
  }

  public Contact require(String id) {
    return contacts.find(id).orElseThrow(() -> ApiException.notFound("Contact", id));
  }

  public Optional<Contact> find(String id) {
    return contacts.find(id);
  }

  public List<Contact> search(String text, String afterId, int limit) {
    return contacts.search(text, afterId, limit);
  }

  /** Stores the event (creating a bare contact the shop has not sent yet) and publishes it to workflows. */
  @Transactional
  public ContactEvent record(ContactEventRequest request) {
    Instant now = clock.instant();
    contacts.insertIfAbsent(request.contactId(), now);
    Map<String, Object> properties = request.properties() == null ? Map.of() : request.properties();
    long id = contacts.insertEvent(request.contactId(), request.type(), properties, now);
    activity.record(ActivityEntry.of(request.contactId(), ActivityType.EVENT, now).detail(request.type()));
    ContactEvent event = new ContactEvent(id, request.contactId(), request.type(), properties, now);
    publisher.publishEvent(event);
    return event;
  }
}
