#!/usr/bin/env python3
"""Writes a deterministic, seeded event log for flowc: Segment-shaped JSON Lines (spec 4.1).

The same arguments always give the same bytes. Events come out in non-decreasing timestamp
order. Two profiles:

  demo  a shop's life: sign-ups, shoppers and lapsing customers, carts, orders, reviews,
        birthdays, consent changes and bounces; it triggers every flow in flows/.
  cart  a checkout-heavy log for benchmarking the abandoned-cart flow.

Both profiles are flow-heavy: nearly every visit starts a checkout. `--browse N` adds about N
browsing events per visit (Segment e-commerce spec): `page`, `Product List Viewed`,
`Products Searched`, `Product Viewed` and `Product Added`, spread over the minutes before the
visit's checkout, as a real shop's stream is mostly browsing. They come from a random stream
of their own (messageIds `b-…`), so with the same --contacts every other line stays the same;
with --events (and no --contacts) the log reaches N lines sooner, so it is made with fewer
contacts to still span --days.

Examples:

  scripts/gen_events.py --seed 42 --contacts 300 --days 90 -o flows/demo/events.jsonl
  scripts/gen_events.py --events 10000000 --flows-profile cart -o /tmp/big.jsonl
  scripts/gen_events.py --events 1000000 --browse 8 -o /tmp/typical.jsonl

`--no-engagement` leaves out the `Email Opened` and `Email Link Clicked` lines, whose
`email_id`s are made up (real ids are only known after a replay); everything else stays byte
for byte the same. scripts/make_demo_log.sh starts from such a log and adds feedback for the
messages flowc really sends (scripts/add_feedback.py).

Speed matters (ten million lines in well under two minutes), so lines are built by string
concatenation from precomputed pieces, and the simulation runs one day at a time: each day's
events are sorted in memory and written before the next day starts.
"""

import argparse
import collections
import datetime
import json
import math
import operator
import os
import random
import sys

DAY_MS = 86_400_000
FIRST = operator.itemgetter(0)
HOUR_MS = 3_600_000
MINUTE_MS = 60_000

FIRST_NAMES = [
    "Ana", "Ben", "Chloé", "Dmitri", "Emma", "Farid", "Grace", "Hiro", "Ines", "Jonas",
    "Kemal", "Lena", "Mateo", "Nora", "Oskar", "Priya", "Quinn", "Rosa", "Sven", "Tariq",
    "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoë", "José", "Łukasz", "Siobhán", "Aiko",
]
LAST_NAMES = [
    "Adler", "Brown", "Costa", "Dubois", "Evans", "Fischer", "García", "Hansen", "Ito", "Jensen",
    "Kowalski", "Larsen", "Müller", "Nakamura", "Okafor", "Petrov", "Quispe", "Rossi", "Silva", "Tanaka",
]
# (IANA zone, country, currency). The invalid names fall back to the project time zone
# (spec 4.5): zone names are case sensitive, and Mars has none.
ZONES = [
    ("Europe/Berlin", "DE", "EUR"), ("Europe/Berlin", "DE", "EUR"), ("Europe/Paris", "FR", "EUR"),
    ("Europe/London", "GB", "GBP"), ("Europe/Amsterdam", "NL", "EUR"), ("America/New_York", "US", "USD"),
    ("America/Los_Angeles", "US", "USD"), ("Asia/Tokyo", "JP", "JPY"), ("Australia/Sydney", "AU", "AUD"),
    ("UTC", "DE", "EUR"),
]
INVALID_ZONES = [("europe/berlin", "DE", "EUR"), ("Mars/Olympus_Mons", "US", "USD")]
ITEM_CENTS = [990, 1495, 1990, 2450, 2900, 3990, 5990, 8900, 12900, 24900]
SOURCES = ["homepage", "checkout", "newsletter-popup", "instagram", "referral"]
SEGMENTS = ["loyal"] * 15 + ["regular"] * 45 + ["lapsing"] * 40  # existing customers, by share
# Visits per day by segment (1 / mean days between visits).
VISIT_RATE = {"loyal": 1 / 8, "regular": 1 / 22, "lapsing": 1 / 5, "new": 1 / 6, "shopper": 1 / 3}
# Contact number → the roll that gives it: unsubscribe (and re-subscribe), spam, hard,
# untyped and soft bounce.
CONSENT_SHOWCASE = {4: 0.0, 5: 0.045, 6: 0.05, 7: 0.058, 8: 0.08}
PAGES = ["Home", "Product", "Category", "Cart", "Blog"]
# The shop's catalogue for browsing events: category → product names; each comes in every colour.
CATALOGUE = [
    ("Shirts", ["Linen Shirt", "Oxford Shirt", "Flannel Shirt", "Denim Shirt"]),
    ("Trousers", ["Chino Trousers", "Wool Trousers", "Cargo Pants", "Linen Trousers"]),
    ("Shoes", ["Leather Sneakers", "Chelsea Boots", "Canvas Shoes", "Suede Loafers"]),
    ("Knitwear", ["Merino Sweater", "Cotton Cardigan", "Cashmere Scarf", "Wool Beanie"]),
    ("Bags", ["Canvas Tote", "Leather Backpack", "Weekender Bag", "Card Holder"]),
    ("Home", ["Linen Bedding Set", "Waffle Towel", "Ceramic Mug", "Wool Throw"]),
]
COLOURS = ["Navy", "Sand", "Olive", "Black", "White"]
BLOG_POSTS = ["/blog/how-to-wash-linen", "/blog/spring-lookbook", "/blog/caring-for-leather", "/blog/our-mills"]
SHOP = "https://shop.example.com"
# At most this many browsing events per visit: 400 gaps of at most a minute fit in the 7 hours
# before the earliest visit of a day, so no browsing line lands on a day already written.
MOST_BROWSING = 400


def parse_start(text):
    """Milliseconds since the epoch for an RFC 3339 time such as 2026-03-01T00:00:00Z."""
    moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError("the start time needs `Z` or an offset")
    return int(moment.timestamp() * 1000)


class DatePrefixes(dict):
    """`YYYY-MM-DDT` by days since the epoch, made on first use."""

    def __missing__(self, day):
        text = self[day] = (datetime.date(1970, 1, 1) + datetime.timedelta(days=day)).isoformat() + "T"
        return text


# The pieces of an RFC 3339 UTC timestamp: date, time of day, and milliseconds with the `Z`.
DATES = DatePrefixes()
CLOCK = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(86_400)]
MILLIS = ["Z"] + [f".{m:03d}Z" for m in range(1, 1000)]


def money(cents):
    """A JSON number as a shop writes it: `120` for whole amounts, else two decimals (`59.90`)."""
    return str(cents // 100) if cents % 100 == 0 else f"{cents // 100}.{cents % 100:02d}"


class Contact:
    """One person's state in the simulation."""

    __slots__ = ("id", "head", "currency", "segment", "orders")

    def __init__(self, contact_id, currency, segment):
        self.id = contact_id
        self.head = f'{{"type":"track","userId":"{contact_id}","event":"'
        self.currency = currency
        self.segment = segment
        self.orders = 0


def slug(text):
    return text.lower().replace(" ", "-")


class Product:
    """One catalogue item and the JSON pieces of its browsing events."""

    __slots__ = ("shelf", "fields", "viewed", "page", "query")

    def __init__(self, number, shelf, name, colour, cents):
        category = CATALOGUE[shelf][0]
        path = f"/products/{slug(name)}-{slug(colour)}"
        self.shelf = shelf
        self.fields = (f'"product_id":"p-{number}","sku":"{category[:3].upper()}-{number}-{colour[:3].upper()}",'
                       f'"category":"{category}","name":"{name}","variant":"{colour}","price":{money(cents)}')
        self.viewed = f'{self.fields},"url":"{SHOP}{path}","currency":"'
        self.page = f'"path":"{path}","url":"{SHOP}{path}","title":"{name} – {colour}"'
        self.query = f"{colour} {name}".lower() if number % 3 else name.lower()


class Catalogue:
    """The products, by category, with each category's page and its list views of four products."""

    def __init__(self):
        self.products = []
        self.by_category = []
        self.lists = []
        self.pages = []
        for shelf, (category, names) in enumerate(CATALOGUE):
            products = [Product(1001 + len(self.products) + n, shelf, name, colour,
                                ITEM_CENTS[(len(self.products) + n) * 7 % len(ITEM_CENTS)])
                        for n, (name, colour) in enumerate((name, colour) for name in names for colour in COLOURS)]
            self.products += products
            self.by_category.append(products)
            self.lists.append([self.list_view(category, products[first:first + 4]) for first in range(0, len(products), 4)])
            path = f"/collections/{slug(category)}"
            self.pages.append(f'"path":"{path}","url":"{SHOP}{path}","title":"{category}"')

    @staticmethod
    def list_view(category, products):
        items = ",".join(f'{{{product.fields},"position":{position}}}' for position, product in enumerate(products, 1))
        return f'"list_id":"{slug(category)}","category":"{category}","products":[{items}]'


class Browsing:
    """The browsing events of visits, from a random stream of their own: `page` calls and the
    Segment e-commerce events `Product List Viewed`, `Products Searched`, `Product Viewed` and
    `Product Added`. Lines go into the simulation's day buckets like its own."""

    HOME = f'"path":"/","url":"{SHOP}/","title":"Home"'
    CART = f'"path":"/cart","url":"{SHOP}/cart","title":"Your cart"'
    BLOG = [f'"path":"{path}","url":"{SHOP}{path}","title":"Journal"' for path in BLOG_POSTS]

    def __init__(self, seed, mean, simulation):
        self.rng = random.Random(f"browse/{seed}")
        self.random = self.rng.random
        self.log_more = math.log(mean / (mean + 1))
        self.buckets = simulation.buckets
        self.start = simulation.start
        self.retry_rate = simulation.retry_rate
        self.catalogue = Catalogue()
        self.sequence = 0
        self.visits = 0

    def count(self):
        """Browsing events in one visit: geometric with mean --browse, at most MOST_BROWSING."""
        return min(MOST_BROWSING, int(math.log(1.0 - self.random()) / self.log_more))

    def before_checkout(self, contact_id, currency, checkout):
        """A signed-in visit: browsing from a landing page up to 3 s to 1 min before `checkout`."""
        times = [0] * self.count()
        time = checkout
        for index in range(len(times) - 1, -1, -1):
            time -= 3000 + int(self.random() * 57_000)
            times[index] = time
        self.visit(f'"userId":"{contact_id}"', currency, times, landed=False)

    def after_landing(self, anonymous_id, landed, checkout):
        """An anonymous visit after its landing page at `landed`: a second or more apart from
        it and from the checkout at `checkout`, if any."""
        count = self.count()
        if checkout is None:
            times = []
            time = landed
            for _ in range(count):
                time += 3000 + int(self.random() * 57_000)
                times.append(time)
        else:
            span = checkout - landed - 2000
            times = [landed + 1000 + span * index // count for index in range(count)]
        self.visit(f'"anonymousId":"{anonymous_id}"', "EUR", times, landed=True)

    def visit(self, identity, currency, times, landed):
        """One visit's events at `times`: the first is the landing page unless `landed`; then
        pages, list views and searches choose a category, product views a product in it (right
        after a product page: that product), and additions to the cart add the product last viewed."""
        if not times:
            return
        self.visits += 1
        page = '{"type":"page",' + identity + ',"name":"'
        track = '{"type":"track",' + identity + ',"event":"'
        random_ = self.random
        catalogue = self.catalogue
        products = catalogue.products
        shelf = product = on_page = None
        for time in times:
            after_product_page, on_page = on_page, None
            roll = random_()
            if not landed:
                landed = True
                if roll < 0.45:
                    self.emit(time, page, "Home", self.HOME)
                elif roll < 0.7:
                    product = on_page = products[int(random_() * len(products))]
                    shelf = product.shelf
                    self.emit(time, page, "Product", product.page)
                elif roll < 0.9:
                    shelf = int(random_() * len(CATALOGUE))
                    self.emit(time, page, "Category", catalogue.pages[shelf])
                else:
                    self.emit(time, page, "Blog", self.BLOG[int(random_() * len(self.BLOG))])
            elif roll < 0.2 and product is not None:
                on_page = product
                self.emit(time, page, "Product", product.page)
            elif roll < 0.26 and shelf is not None:
                self.emit(time, page, "Category", catalogue.pages[shelf])
            elif roll < 0.29:
                self.emit(time, page, "Cart", self.CART)
            elif roll < 0.32:
                self.emit(time, page, "Home", self.HOME)
            elif roll < 0.65:
                if after_product_page is not None:
                    product = after_product_page
                else:
                    choices = products if shelf is None else catalogue.by_category[shelf]
                    product = choices[int(random_() * len(choices))]
                self.emit(time, track, "Product Viewed", f'{product.viewed}{currency}"')
            elif roll < 0.8:
                shelf = int(random_() * len(CATALOGUE))
                lists = catalogue.lists[shelf]
                product = None
                self.emit(time, track, "Product List Viewed", lists[int(random_() * len(lists))])
            elif roll < 0.9:
                searched = products[int(random_() * len(products))]
                shelf = searched.shelf
                product = None
                self.emit(time, track, "Products Searched", f'"query":"{searched.query}"')
            else:
                if product is None:
                    product = products[int(random_() * len(products))]
                quantity = 2 if roll > 0.985 else 1
                self.emit(time, track, "Product Added",
                          f'"cart_id":"cart_{self.visits:07d}",{product.fields},"quantity":{quantity},"currency":"{currency}"')

    def emit(self, time, head, name, properties):
        """Queues one line, now and then twice (a client retry), as Simulation.emit does."""
        self.sequence += 1
        sequence = self.sequence
        if sequence & 7:
            time -= time % 1000
        line = (f'{head}{name}","timestamp":"{DATES[time // DAY_MS]}{CLOCK[time // 1000 % 86_400]}{MILLIS[time % 1000]}'
                f'","messageId":"b-{sequence}","properties":{{{properties}}}}}\n')
        events = self.buckets[(time - self.start) // DAY_MS]
        events.append((time, line))
        if self.random() < self.retry_rate:
            events.append((time, line))


class Simulation:
    """Generates events day by day into per-day buckets and writes them in time order."""

    def __init__(self, args):
        self.rng = random.Random(args.seed)
        self.random = self.rng.random
        self.baskets = [self.basket() for _ in range(512)]
        self.start = parse_start(args.start)
        self.days = args.days
        self.limit = args.events
        self.profile = args.flows_profile
        self.engagement = args.engagement
        self.browse = args.browse
        self.contact_count = args.contacts if args.contacts is not None else self.default_contacts()
        self.buckets = collections.defaultdict(list)
        self.retry_rate = 0.004
        self.wakeups = {}
        self.sequence = 0
        self.checkouts = 0
        self.orders = 0
        self.contacts_made = 0
        self.anonymous_made = 0
        self.written = 0
        self.existing = 0 if self.profile == "cart" else self.contact_count * 2 // 5
        self.arrival_rate = (self.contact_count - self.existing) / max(self.days, 1)
        self.browsing = Browsing(args.seed, args.browse, self) if args.browse > 0 else None

    def default_contacts(self):
        """300, or with --events about enough contacts to fill --days (measured: events and
        visits per contact in 90 days)."""
        if self.limit is None:
            return 300
        per_contact_in_90_days = 8.5 if self.profile == "demo" else 31
        if self.browse > 0:
            per_contact_in_90_days += self.browse * (3.0 if self.profile == "demo" else 13.2)
        return max(1, math.ceil(self.limit * 1.05 / (per_contact_in_90_days * self.days / 90)))

    # ------------------------------------------------------------------ output

    def emit(self, time, before, after, written=True):
        """Queues the line `before` + timestamp + messageId + `after`. Now and then the line
        comes twice, like a client retry: the same messageId (spec 4.1 de-duplication).
        A line that is not `written` still takes its messageId and random draws, so leaving
        it out changes no other line."""
        self.sequence += 1
        sequence = self.sequence
        if sequence & 7:
            time -= time % 1000  # most clients send whole seconds; one line in eight keeps milliseconds
        line = f'{before}{DATES[time // DAY_MS]}{CLOCK[time // 1000 % 86_400]}{MILLIS[time % 1000]}","messageId":"m-{sequence}"{after}'
        retried = self.random() < self.retry_rate
        if not written:
            return
        events = self.buckets[(time - self.start) // DAY_MS]
        events.append((time, line))
        if retried:
            events.append((time, line))

    def between(self, low, high):
        """A random integer in [low, high)."""
        return low + int(self.random() * (high - low))

    def pick(self, items):
        return items[int(self.random() * len(items))]

    def track(self, contact, time, event, properties, written=True):
        self.emit(time, f'{contact.head}{event}","timestamp":"', f',"properties":{{{properties}}}}}\n', written)

    def identify(self, contact_id, time, traits):
        body = json.dumps(traits, ensure_ascii=False, separators=(",", ":"))
        self.emit(time, f'{{"type":"identify","userId":"{contact_id}","timestamp":"', f',"traits":{body}}}\n')

    def write_day(self, day, out):
        """Writes the day's lines in time order (ties keep the order they were made in)."""
        events = self.buckets.pop(day, None)
        if not events:
            return
        events.sort(key=FIRST)
        if self.limit is not None:
            events = events[: self.limit - self.written]
        out.write("".join([line for _, line in events]))
        self.written += len(events)

    # ------------------------------------------------------------------ contacts

    def new_contact(self, time, segment, signs_up):
        self.contacts_made += 1
        number = self.contacts_made
        contact_id = f"u{number:06d}"
        zone, country, currency = self.pick(INVALID_ZONES if self.random() < 0.03 else ZONES)
        first, last = self.pick(FIRST_NAMES), self.pick(LAST_NAMES)
        traits = {}
        roll = self.random()
        if roll < 0.015:
            pass  # no address: sends are skipped with `no_email`
        elif roll < 0.025:
            traits["email"] = f"{first.lower()} {last.lower()}@example.com"  # invalid: contains a space
        else:
            traits["email"] = f"{ADDRESS_NAMES[first]}.{ADDRESS_NAMES[last]}{number}@example.com"
        if self.random() > 0.04:
            traits["first_name"] = first
        if self.random() > 0.05:
            traits["timezone"] = zone
        traits["country"] = country
        if number == 3:
            traits["birthday"] = "2000-02-29"
        elif self.random() < 0.85:
            month, day = self.between(1, 13), self.between(1, 29)
            year = self.between(1950, 2007)
            traits["birthday"] = f"{month:02d}-{day:02d}" if self.random() < 0.05 else f"{year}-{month:02d}-{day:02d}"
        if not signs_up:
            traits["vip"] = False
            traits["loyalty_tier"] = self.pick(["member", "member", "silver"])
        self.identify(contact_id, time, traits)
        contact = Contact(contact_id, currency, segment)
        if signs_up:
            self.track(contact, time + self.between(1000, 8000), "Signed Up", f'"source":"{self.pick(SOURCES)}"')
        self.consent_events(contact, number, time)
        if self.random() < 0.03:
            later = time + self.between(DAY_MS, 40 * DAY_MS)
            change = {"timezone": self.pick(ZONES)[0]} if self.random() < 0.5 else {"birthday": f"1985-{self.between(3, 6):02d}-{self.between(1, 29):02d}"}
            self.identify(contact_id, later, change)
        return contact

    def consent_events(self, contact, number, time):
        """Unsubscribes (some later re-subscribe), spam complaints and bounces, at random later
        times. Contacts 4 to 8 always get one of each kind, so that even a small log has them."""
        roll = CONSENT_SHOWCASE.get(number, self.random())
        later = time + self.between(HOUR_MS, 60 * DAY_MS)
        if roll < 0.04:
            self.track(contact, later, "Unsubscribed", self.email_id())
            if self.random() < 0.25 or number in CONSENT_SHOWCASE:
                self.track(contact, later + self.between(DAY_MS, 20 * DAY_MS), "Subscribed", "")
        elif roll < 0.047:
            self.track(contact, later, "Email Marked as Spam", self.email_id())
        elif roll < 0.057:
            self.track(contact, later, "Email Bounced", f'{self.email_id()},"type":"hard"')
        elif roll < 0.060:
            self.track(contact, later, "Email Bounced", self.email_id())  # no type: hard
        elif roll < 0.090:
            self.track(contact, later, "Email Bounced", f'{self.email_id()},"type":"soft"')

    def email_id(self):
        """A random message id: real ids are only known after a run, so these match no message."""
        return f'"email_id":"{self.rng.getrandbits(128):032x}"'

    def wake(self, contact, day):
        waiting = self.wakeups.get(day)
        if waiting is None:
            self.wakeups[day] = [contact]
        else:
            waiting.append(contact)

    def arrivals(self, day):
        """New contacts on `day`: existing customers all on day 0, sign-ups at a steady rate."""
        base = self.start + day * DAY_MS
        if day == 0:
            for _ in range(self.existing):
                segment = self.pick(SEGMENTS)
                contact = self.new_contact(base + self.between(0, 6 * HOUR_MS), segment, signs_up=False)
                self.wake(contact, self.between(1, 8) if segment != "lapsing" else self.between(1, 15))
        count = math.floor(self.arrival_rate * (day + 1)) - math.floor(self.arrival_rate * day)
        for _ in range(count):
            time = base + self.between(6 * HOUR_MS, DAY_MS - HOUR_MS)
            self.anonymous_visit(time - self.between(MINUTE_MS, HOUR_MS))
            if self.profile == "cart":
                contact = self.new_contact(time, "shopper", signs_up=False)
                self.wake(contact, day + 1 + int(self.rng.expovariate(1 / 2)))
            else:
                contact = self.new_contact(time, "new", signs_up=True)
                if self.random() < 0.75:
                    self.wake(contact, day + 1 + int(self.rng.expovariate(1 / 4)))

    def anonymous_visit(self, time):
        """A visitor who is not signed in: page views, now and then a checkout without a userId."""
        if self.random() > 0.3:
            return
        self.anonymous_made += 1
        anonymous = f"anon-{self.anonymous_made:06x}"
        page = self.pick(PAGES)
        self.emit(time, f'{{"type":"page","anonymousId":"{anonymous}","name":"{page}","timestamp":"',
                  f',"properties":{{"path":"/{page.lower()}"}}}}\n')
        checkout = None
        if self.random() < 0.1:
            self.checkouts += 1
            checkout = time + self.between(MINUTE_MS, 10 * MINUTE_MS)
            self.emit(checkout, f'{{"type":"track","anonymousId":"{anonymous}","event":"Checkout Started","timestamp":"',
                      f',"properties":{{"checkout_id":"co_{self.checkouts:07d}","value":19.90,"currency":"EUR","item_count":1}}}}\n')
        if self.browsing:
            self.browsing.after_landing(anonymous, time, checkout)

    # ------------------------------------------------------------------ shopping

    def session(self, contact, day):
        """One shopping visit: a checkout that may become an order, plus mail engagement noise
        (left out with --no-engagement) and, with --browse, browsing before the checkout."""
        time = self.start + day * DAY_MS + self.between(7 * HOUR_MS, 23 * HOUR_MS)
        if self.browsing:
            self.browsing.before_checkout(contact.id, contact.currency, time)
        if self.random() < 0.3:
            self.track(contact, time - self.between(HOUR_MS, 5 * HOUR_MS), "Email Opened", self.email_id(), self.engagement)
            if self.random() < 0.4:
                self.track(contact, time - self.between(0, HOUR_MS), "Email Link Clicked", self.email_id(), self.engagement)
        cart_heavy = self.profile == "cart"
        self.checkout(contact, time, abandon=0.55 if cart_heavy else 0.38)
        if self.random() < (0.15 if cart_heavy else 0.06):
            self.checkout(contact, time + self.between(HOUR_MS, 6 * HOUR_MS), abandon=0.4)
        self.plan_next(contact, day)

    def basket(self):
        """A random (item count, total as JSON text); checkouts draw from a fixed set of these."""
        items = self.pick((1, 1, 1, 2, 2, 3, 4))
        return items, money(sum(self.pick(ITEM_CENTS) for _ in range(items)))

    def checkout(self, contact, time, abandon):
        self.checkouts += 1
        checkout_id = f"co_{self.checkouts:07d}"
        items, amount = self.pick(self.baskets)
        started = f'"checkout_id":"{checkout_id}","value":{amount},"currency":"{contact.currency}","item_count":{items}'
        self.track(contact, time, "Checkout Started", started)
        if self.random() < 0.1:
            # The shopper comes back to the same checkout: `retrigger: restart`.
            time += self.between(10 * MINUTE_MS, 40 * MINUTE_MS)
            self.track(contact, time, "Checkout Started", started)
        roll = self.random()
        if roll < abandon:
            return
        if roll < abandon + 0.4:
            delay = self.between(2 * MINUTE_MS, 50 * MINUTE_MS)
        elif roll < abandon + 0.5:
            delay = self.between(HOUR_MS, 23 * HOUR_MS)
        else:
            delay = self.between(DAY_MS, 2 * DAY_MS)
        self.order(contact, time + delay, checkout_id, amount, items)

    def order(self, contact, time, checkout_id, amount, items):
        self.orders += 1
        order_id = f"ord_{self.orders:07d}"
        contact.orders += 1
        self.track(contact, time, "Order Completed",
                   f'"order_id":"{order_id}","checkout_id":"{checkout_id}","total":{amount},"currency":"{contact.currency}","item_count":{items}')
        if self.random() < 0.25:
            self.track(contact, time + self.between(4 * DAY_MS, 12 * DAY_MS), "Product Reviewed",
                       f'"order_id":"{order_id}","rating":{self.pick((3, 4, 4, 5, 5, 5))}')

    def plan_next(self, contact, day):
        """The next visit: loyal customers often, lapsing ones after their first order never."""
        segment = contact.segment
        if segment == "new" and contact.orders:
            segment = contact.segment = "lapsing" if self.random() < 0.5 else "regular"
        if segment == "lapsing" and contact.orders:
            return
        self.wake(contact, day + 1 + int(self.rng.expovariate(VISIT_RATE[segment])))

    # ------------------------------------------------------------------ driver

    def run(self, out):
        day = 0
        while True:
            if self.limit is None and day >= self.days:
                return
            self.arrivals(day)
            for contact in self.wakeups.pop(day, ()):
                self.session(contact, day)
            self.write_day(day, out)
            if self.limit is not None and self.written >= self.limit:
                return
            day += 1


def ascii_local(name):
    """An address-safe version of a name: `Zoë` → `zoe`, `Łukasz` → `lukasz`."""
    return name.lower().translate(ASCII_LETTERS).encode("ascii", "ignore").decode()


ASCII_LETTERS = str.maketrans("éëçñüöäóáíłś", "eecnuoaoails")
ADDRESS_NAMES = {name: ascii_local(name) for name in FIRST_NAMES + LAST_NAMES}


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--contacts", type=int, help="contacts to create (default 300, or enough for --events)")
    parser.add_argument("--days", type=int, default=90, help="days the log spans (default 90)")
    parser.add_argument("--events", type=int, help="write exactly this many events; the log runs past --days if needed")
    parser.add_argument("--flows-profile", choices=["demo", "cart"], default="demo", help="which flows the log exercises")
    parser.add_argument("--browse", type=float, default=0, metavar="N",
                        help="about N browsing events (pages, product views, searches, cart additions) per visit (default 0)")
    parser.add_argument("--no-engagement", dest="engagement", action="store_false",
                        help="leave out opens and clicks with made-up email_ids (scripts/make_demo_log.sh adds real ones)")
    parser.add_argument("--start", default="2026-03-01T00:00:00Z", help="start time, RFC 3339 (default 2026-03-01T00:00:00Z)")
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    args = parser.parse_args(argv)
    for name in ("contacts", "days", "events"):
        value = getattr(args, name)
        if value is not None and value < 1:
            parser.error(f"--{name} must be at least 1")
    if not 0 <= args.browse <= 100:
        parser.error("--browse must be between 0 and 100")
    try:
        parse_start(args.start)
    except ValueError as problem:
        parser.error(f"--start: {problem}")
    return args


def main(argv=None):
    args = parse_arguments(argv)
    simulation = Simulation(args)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
            simulation.run(out)
    else:
        try:
            simulation.run(sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader stopped early (`| head`): not an error. Keep Python from complaining
            # again when it flushes standard output at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
