package io.couponflow.contact;

import io.couponflow.common.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contacts and their events. Storing events publishes them in the same transaction, for workflows to start from. */
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

  /** The stored contacts among the ids, by id (a few statements for many ids). */
  public Map<String, Contact> findAll(Collection<String> ids) {
    Map<String, Contact> found = new HashMap<>();
    if (!ids.isEmpty()) {
      contacts.findAll(new HashSet<>(ids)).forEach(c -> found.put(c.id(), c));
    }
    return found;
  }

  public List<Contact> search(String text, String afterId, int limit) {
    return contacts.search(text, afterId, limit);
  }

  /** Stores the event (creating a bare contact the shop has not sent yet) and publishes it to workflows. */
  @Transactional
  public ContactEvent record(ContactEventRequest request) {
    return recordAll(List.of(request)).get(0);
  }

  /**
   * Stores events as {@link #record} does, all in one transaction and with multi-row statements,
   * and publishes them together; answers them in request order.
   */
  @Transactional
  public List<ContactEvent> recordAll(List<ContactEventRequest> requests) {
    Instant now = clock.instant();
    contacts.insertIfAbsent(requests.stream().map(ContactEventRequest::contactId).toList(), now);
    List<Long> ids = contacts.insertEvents(requests, now);
    List<ContactEvent> events = new ArrayList<>(requests.size());
    List<ActivityEntry> entries = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      ContactEventRequest r = requests.get(i);
      events.add(new ContactEvent(ids.get(i), r.contactId(), r.type(), ContactRepository.properties(r), now));
      entries.add(ActivityEntry.of(r.contactId(), ActivityType.EVENT, now).detail(r.type()));
    }
    activity.recordAll(entries);
    publisher.publishEvent(new ContactEventsRecorded(List.copyOf(events)));
    return events;
  }
}
