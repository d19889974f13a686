import LyceumWeb

/// Billing's page templates.
enum BillingTemplates {
    static let all = [
        PageTemplate("billing-buy", buy), PageTemplate("billing-success", success), PageTemplate("billing-cancel", cancel),
        PageTemplate("billing-purchases", purchases), PageTemplate("billing-receipt", receipt), PageTemplate("billing-revenue", revenue),
        PageTemplate("billing-payments", payments), PageTemplate("billing-coupons", coupons),
    ]

    static let buy = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/courses/{{slug}}">{{courseTitle}}</a></p>
        <h1>Buy “{{courseTitle}}”</h1>
        <p class="lead">Price: <strong>{{price}}</strong></p>
        {{#purchasable}}
        <form method="post" action="/courses/{{slug}}/buy" class="card">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label for="coupon-code">Coupon code <small>optional</small></label>
          <input id="coupon-code" name="couponCode" value="{{couponCode}}" maxlength="40" autocomplete="off">
          <button type="submit">Continue to payment</button>
        </form>
        <p class="muted">You pay on Stripe's secure page and come back here, enrolled.</p>
        {{/purchasable}}
        {{^purchasable}}<p class="card" data-testid="not-for-sale">This course is not available for purchase.</p>{{/purchasable}}
        {{/content}}
        {{/layout}}
        """

    static let success = """
        {{<layout}}
        {{$content}}
        {{#paid}}
        <h1>Payment received, you're enrolled</h1>
        <p class="lead">Thank you for buying “{{courseTitle}}” ({{amount}}).</p>
        <p><a class="button" href="{{courseURL}}">Go to the course</a> · <a href="{{receiptURL}}">Receipt</a></p>
        {{/paid}}
        {{^paid}}
        <h1>We're confirming your payment</h1>
        <p class="lead">Stripe has not told us about your payment for “{{courseTitle}}” yet. This usually takes a few seconds.</p>
        <p><a class="button" href="{{refreshURL}}">Check again</a></p>
        {{/paid}}
        {{/content}}
        {{/layout}}
        """

    static let cancel = """
        {{<layout}}
        {{$content}}
        <h1>Checkout cancelled</h1>
        <p class="lead">Nothing was charged.</p>
        {{#courseURL}}<p><a href="{{courseURL}}">Back to the course</a></p>{{/courseURL}}
        {{/content}}
        {{/layout}}
        """

    static let purchases = """
        {{<layout}}
        {{$content}}
        <h1>My purchases</h1>
        {{#orders}}
        <div class="card">
          <h2><a href="/purchases/{{id}}">{{courseTitle}}</a></h2>
          <p class="muted">{{date}} · {{amount}} · <span class="badge">{{status}}</span>{{#coupon}} · coupon {{coupon}}{{/coupon}}</p>
        </div>
        {{/orders}}
        {{^orders}}<p class="card">You have not bought any course.</p>{{/orders}}
        {{/content}}
        {{/layout}}
        """

    static let receipt = """
        {{<layout}}
        {{$content}}
        <h1>Receipt</h1>
        {{#order}}
        <table>
          <tr><th scope="row">Course</th><td>{{courseTitle}}</td></tr>
          <tr><th scope="row">Order</th><td>{{id}}</td></tr>
          <tr><th scope="row">Price</th><td>{{listAmount}}</td></tr>
          {{#coupon}}<tr><th scope="row">Coupon</th><td>{{coupon}}</td></tr>{{/coupon}}
          <tr><th scope="row">Paid</th><td>{{amount}}</td></tr>
          <tr><th scope="row">Status</th><td>{{status}}</td></tr>
          {{#paidDate}}<tr><th scope="row">Paid on</th><td>{{paidDate}}</td></tr>{{/paidDate}}
          {{#refundedDate}}<tr><th scope="row">Refunded on</th><td>{{refundedDate}}</td></tr>{{/refundedDate}}
        </table>
        {{/order}}
        <p><a href="/purchases">All purchases</a></p>
        {{/content}}
        {{/layout}}
        """

    static let revenue = """
        {{<layout}}
        {{$content}}
        <p class="crumbs"><a href="/teach/courses/{{slug}}">{{courseTitle}}</a></p>
        <h1>Revenue</h1>
        {{#totals}}<p class="card"><strong>{{amount}}</strong> from {{sales}} sales{{#refunds}} · {{refunds}} refunded{{/refunds}}</p>{{/totals}}
        {{^totals}}<p class="card">No sales yet.</p>{{/totals}}
        {{#chartSVG}}<figure>{{{chartSVG}}}<figcaption>Sales per day</figcaption></figure>{{/chartSVG}}
        {{/content}}
        {{/layout}}
        """

    static let payments = """
        {{<layout}}
        {{$content}}
        <h1>Payments</h1>
        <p>Show: <a href="/admin/payments">all</a>{{#filters}} · <a href="/admin/payments?status={{value}}"{{#selected}} aria-current="page"{{/selected}}>{{value}}</a>{{/filters}}</p>
        <table>
          <thead><tr><th scope="col">Date</th><th scope="col">Buyer</th><th scope="col">Course</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col"></th></tr></thead>
          <tbody>
          {{#orders}}
          <tr>
            <td>{{date}}</td><td>{{buyer}}</td><td><a href="/purchases/{{id}}">{{courseTitle}}</a></td><td>{{amount}}</td><td>{{status}}</td>
            <td>{{#refundable}}<form method="post" action="/admin/payments/{{id}}/refund"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="small" type="submit">Refund</button></form>{{/refundable}}</td>
          </tr>
          {{/orders}}
          </tbody>
        </table>
        {{^orders}}<p class="card">No payments.</p>{{/orders}}
        {{#nextURL}}<p><a href="{{nextURL}}">Older payments</a></p>{{/nextURL}}
        {{/content}}
        {{/layout}}
        """

    static let coupons = """
        {{<layout}}
        {{$content}}
        <h1>Coupons</h1>
        <table>
          <thead><tr><th scope="col">Code</th><th scope="col">Discount</th><th scope="col">Applies to</th><th scope="col">Expires</th><th scope="col">Used</th><th scope="col"></th></tr></thead>
          <tbody>
          {{#coupons}}
          <tr>
            <td>{{code}}</td><td>{{discount}}</td><td>{{scope}}</td><td>{{#expires}}{{expires}}{{/expires}}{{^expires}}never{{/expires}}</td><td>{{redemptions}}</td>
            <td>{{#active}}<form method="post" action="/admin/coupons/{{id}}/deactivate"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="small" type="submit">Deactivate</button></form>{{/active}}{{^active}}inactive{{/active}}</td>
          </tr>
          {{/coupons}}
          </tbody>
        </table>
        <h2>New coupon</h2>
        <form method="post" action="/admin/coupons" class="card">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label for="coupon-code">Code</label><input id="coupon-code" name="code" required maxlength="40">
          <label for="coupon-percent">Percent off <small>1 to 100; or an amount below</small></label><input id="coupon-percent" name="percentOff" inputmode="numeric">
          <label for="coupon-amount">Amount off <small>such as 10.00</small></label><input id="coupon-amount" name="amountOff" inputmode="decimal">
          <label for="coupon-currency">Currency of the amount <small>site-wide coupons; a course's coupon takes its currency</small></label><input id="coupon-currency" name="currency" maxlength="3">
          <label for="coupon-course">Course id or address <small>empty: every course (admins only)</small></label><input id="coupon-course" name="course">
          <label for="coupon-days">Expires in days <small>optional</small></label><input id="coupon-days" name="expiresInDays" inputmode="numeric">
          <label for="coupon-limit">Most redemptions <small>optional</small></label><input id="coupon-limit" name="maxRedemptions" inputmode="numeric">
          <button type="submit">Create coupon</button>
        </form>
        {{/content}}
        {{/layout}}
        """
}
