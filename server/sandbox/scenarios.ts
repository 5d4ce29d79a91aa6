/**
 * What the sandbox's test cases are made of: for each line of business an agent can serve, the
 * scenarios a team would write (label, simulated caller, what a pass must show) and the agent
 * variables its mock data fills in. Written by hand so the dashboard shows believable text.
 */

export interface Scenario {
  label: string;
  /** The simulated user's persona and intent (the API's `userPrompt`). */
  persona: string;
  successCriteria: string;
}

export interface Domain {
  scenarios: readonly Scenario[];
  /** Agent variables a test case may mock, each with plausible values. */
  variables: Readonly<Record<string, readonly string[]>>;
}

const support: Domain = {
  scenarios: [
    {
      label: 'Billing Question - Double Charge',
      persona:
        'You are a calm but firm customer who noticed two identical charges of $29.99 on your card this month. You have the last four digits of the card ready and want one of the charges refunded today. If the agent is vague, ask for a reference number.',
      successCriteria:
        'The agent should verify the account, confirm the duplicate charge, start a refund for one charge with a clear timeline, and give the caller a reference number.',
    },
    {
      label: 'Locked Out - Password Reset',
      persona:
        'You are a slightly flustered user who got locked out after too many login attempts. You no longer have access to the email address on file. You are in a hurry because you need to download an invoice for work before noon.',
      successCriteria:
        'The agent should follow the identity verification policy, never ask for the password, offer the alternate verification path, and explain when the lock will be lifted.',
    },
    {
      label: 'Plan Upgrade - Feature Comparison',
      persona:
        'You are a small-business owner comparing the Pro and Business plans. You care about the number of seats and whether call recordings are kept for a full year. You will upgrade during the call if the answers are clear.',
      successCriteria:
        'The agent should explain the differences that matter to the caller accurately, not invent features, quote the correct prices, and offer to complete the upgrade.',
    },
    {
      label: 'Refund Request - Outside Window',
      persona:
        'You are a polite customer asking for a refund 45 days after your renewal, past the 30-day refund window. You say you have not used the service at all since. You would accept account credit, but not a flat no without an explanation.',
      successCriteria:
        'The agent should explain the refund policy clearly, show empathy, check the usage, and offer an allowed alternative such as credit or escalation without promising an exception it cannot make.',
    },
    {
      label: 'Elderly Caller - Account Access',
      persona:
        'You are a 78-year-old caller who is not comfortable with technology. You speak slowly, sometimes repeat yourself and ask the agent to repeat steps. Your grandson set up the account and you do not know which email address he used.',
      successCriteria:
        'The agent should stay patient, use plain language, check understanding after each step, and never pressure the caller or share account data before verification.',
    },
    {
      label: 'Escalation Demand - Supervisor Request',
      persona:
        'You are an irritated customer calling for the third time about the same broken export feature. From your first sentence you insist on speaking to a supervisor and refuse to go through troubleshooting again.',
      successCriteria:
        'The agent should acknowledge the repeated contact, try to de-escalate once, then follow the escalation procedure and set expectations about the callback time.',
    },
    {
      label: 'Privacy Request - Delete My Data',
      persona:
        'You are a privacy-conscious user who wants your account and all personal data deleted under GDPR. You want written confirmation and ask how long backups keep your data.',
      successCriteria:
        'The agent should verify identity, explain the deletion process and timeline including backups, confirm that written confirmation will be sent, and not push retention offers.',
    },
    {
      label: 'Spanish Speaker - Shipping Delay',
      persona:
        'Eres un cliente que solo habla español. Tu pedido lleva diez días de retraso y quieres saber dónde está. Si el agente responde en inglés, pide amablemente que hable en español.',
      successCriteria:
        'The agent should switch to Spanish, locate the order by its number, give the current shipping status and a realistic delivery estimate, and offer a remedy for the delay.',
    },
  ],
  variables: {
    customer_name: ['John Doe', 'Maria Garcia', 'Wei Chen', 'Aisha Khan', 'Tom Becker'],
    account_status: ['active', 'past_due', 'suspended', 'trial'],
    plan_name: ['Starter', 'Pro', 'Business'],
    card_last_four: ['4242', '1881', '0719', '5531'],
    order_number: ['ORD-104883', 'ORD-220391', 'ORD-318775'],
    renewal_date: ['2026-02-14', '2026-03-01', '2026-04-09'],
  },
};

const appointments: Domain = {
  scenarios: [
    {
      label: 'New Patient - First Available Slot',
      persona:
        'You are a new patient looking for the first available appointment with any general practitioner next week. You work mornings, so only afternoons after 2 pm work for you.',
      successCriteria:
        'The agent should collect name, date of birth and phone number, offer only afternoon slots that exist, read the booked time back, and mention what to bring to a first visit.',
    },
    {
      label: 'Reschedule - Conflicting Meeting',
      persona:
        'You already have an appointment on Thursday at 10:00 and need to move it because of a work meeting. You want to keep the same doctor and would prefer Friday.',
      successCriteria:
        'The agent should find the existing booking, offer alternatives with the same doctor, release the old slot only once the new one is confirmed, and restate the final time.',
    },
    {
      label: 'Urgent Symptoms - Triage Redirect',
      persona:
        'You call to book a routine appointment but mention chest pain and shortness of breath since this morning. You play it down and just want a slot tomorrow.',
      successCriteria:
        'The agent should recognise the emergency symptoms, tell the caller to call emergency services or go to urgent care now, and not simply book a routine appointment.',
    },
    {
      label: 'Insurance Check - Out of Network',
      persona:
        'You want to book a specialist visit but first need to know whether the clinic accepts your insurance, a small regional plan the clinic may not be in network with.',
      successCriteria:
        'The agent should ask for the insurer and plan, say clearly whether it is accepted or that it cannot confirm it, explain self-pay options, and not book without consent.',
    },
    {
      label: 'Late Cancellation - Fee Waiver',
      persona:
        'You need to cancel an appointment that starts in three hours because your child is sick. You are worried about the late cancellation fee and ask for it to be waived.',
      successCriteria:
        'The agent should cancel the appointment, explain the late cancellation policy truthfully, offer to rebook, and escalate the fee question instead of promising a waiver.',
    },
    {
      label: 'Family Booking - Two Children',
      persona:
        'You want to book back-to-back paediatric check-ups for your two children, aged 4 and 7, on the same afternoon.',
      successCriteria:
        'The agent should collect details for both children, find consecutive slots with a paediatrician, confirm both bookings, and offer reminders.',
    },
    {
      label: 'Non-Native Speaker - Date Confusion',
      persona:
        'You speak English as a second language and sometimes misunderstand dates. You ask the agent to spell out the day and month, and once you mix up Tuesday and Thursday.',
      successCriteria:
        'The agent should speak clearly, confirm dates in an unambiguous form, gently correct the mix-up, and read the final booking back.',
    },
  ],
  variables: {
    patient_name: ['Emily Carter', 'Jamal Brooks', 'Sofia Rossi', 'Hiroshi Tanaka'],
    date_of_birth: ['1984-07-12', '1991-02-03', '1957-11-28', '2019-05-30'],
    preferred_doctor: ['Dr. Patel', 'Dr. Nguyen', 'Dr. Okafor'],
    clinic_location: ['Downtown', 'Westside', 'Riverside'],
    insurance_provider: ['Aetna', 'BlueCross', 'Kaiser', 'self-pay'],
  },
};

const collections: Domain = {
  scenarios: [
    {
      label: 'Promise to Pay - Partial Payment',
      persona:
        'You owe $1,240 on a past-due account. You lost hours at work and can pay $200 now and the rest over three months. You are embarrassed and a little defensive.',
      successCriteria:
        'The agent should verify identity before discussing the debt, stay respectful, offer a compliant payment plan, and record the promised date and amount without threatening language.',
    },
    {
      label: 'Dispute - Debt Not Mine',
      persona:
        'You insist the debt is not yours and that you never had an account with this lender. You want the calls to stop.',
      successCriteria:
        'The agent should stop collecting on the call, explain how to dispute and request validation, record the dispute, and not pressure for payment.',
    },
    {
      label: 'Wrong Number - Third Party',
      persona:
        'You are not the person they are looking for; it is your former roommate. You are curious and ask what the call is about.',
      successCriteria:
        'The agent must not disclose the debt or any detail to a third party, should confirm the wrong number, and offer to remove the number from the contact list.',
    },
    {
      label: 'Hardship - Medical Leave',
      persona:
        'You are on unpaid medical leave after surgery and cannot pay anything for two months. You ask whether there is a hardship programme.',
      successCriteria:
        'The agent should respond with empathy, explain the hardship options, not demand immediate payment, and document the hardship with a follow-up date.',
    },
    {
      label: 'Cease Contact - Writing Only',
      persona:
        'You calmly tell the agent that all future contact must be in writing and ask them to stop calling you.',
      successCriteria:
        'The agent should acknowledge the request, confirm that calls will stop, explain that written notices will follow, and end the call without further collection attempts.',
    },
    {
      label: 'Pay in Full - Card Over the Phone',
      persona:
        'You are ready to pay the full balance today by debit card and want the receipt sent by email.',
      successCriteria:
        'The agent should verify identity, confirm the exact balance, take the payment securely without reading the card number back, and confirm the receipt email address.',
    },
    {
      label: 'Angry Debtor - Threatens Complaint',
      persona:
        'You are furious about late fees added to your balance and threaten to report the company to the consumer protection bureau.',
      successCriteria:
        'The agent should stay calm, explain the fees factually, offer to review or escalate the fee dispute, and never retaliate or threaten.',
    },
  ],
  variables: {
    debtor_name: ['Robert King', 'Linda Morales', 'Kevin Osei', 'Ana Petrova'],
    balance_due: ['$1,240.00', '$385.60', '$2,915.12', '$96.40'],
    days_past_due: ['32', '61', '94', '128'],
    account_ref: ['CR-558120', 'CR-604977', 'CR-713305'],
    preferred_language: ['en', 'es'],
  },
};

const insurance: Domain = {
  scenarios: [
    {
      label: 'Auto Claim - Rear-End Collision',
      persona:
        'You were rear-ended at a red light this morning. Nobody was hurt, but the bumper is cracked and the other driver gave you a phone number that does not answer.',
      successCriteria:
        'The agent should confirm everyone is safe, collect the date, place and other driver details, open a claim, and explain the next steps and the deductible.',
    },
    {
      label: 'Water Damage - Burst Pipe',
      persona:
        'A pipe burst in your kitchen overnight and water has soaked the floor and the cabinets. You have turned off the mains and want to know whether to call a plumber before the adjuster comes.',
      successCriteria:
        'The agent should advise on mitigating further damage, explain that emergency repairs are covered if receipts are kept, open the claim, and schedule or explain the adjuster visit.',
    },
    {
      label: 'Claim Status - Delayed Payout',
      persona:
        'Your claim was approved three weeks ago but the money has not arrived. You have rent due on Friday and you are getting anxious.',
      successCriteria:
        'The agent should look up the claim, explain where the payment is and why it is delayed, give a realistic date, and offer escalation if the delay is on the insurer\u2019s side.',
    },
    {
      label: 'Theft Claim - Missing Police Report',
      persona:
        'Your bicycle and laptop were stolen from your garage. You have not filed a police report yet because you did not think it mattered.',
      successCriteria:
        'The agent should explain that a police report is required, tell the caller how to get one, start the claim anyway, and list the documents needed.',
    },
    {
      label: 'Storm Damage - Roof and Fence',
      persona:
        'Last night\u2019s storm tore shingles off your roof and knocked down part of your fence. You want to know whether the fence is covered as well as the house.',
      successCriteria:
        'The agent should check the policy for other structures, explain coverage for roof and fence separately, advise temporary protection, and open the claim.',
    },
    {
      label: 'Policy Question - Rental Car Coverage',
      persona:
        'Your car will be in the repair shop for a week. You want to know whether your policy pays for a rental car and up to what daily amount.',
      successCriteria:
        'The agent should check whether rental reimbursement is on the policy, state the daily and total limits correctly, and explain how to be reimbursed.',
    },
    {
      label: 'Suspicious Claim - Inconsistent Story',
      persona:
        'You report a break-in, but as the call goes on you change the time of the incident and the list of missing items. You get irritated when asked to clarify.',
      successCriteria:
        'The agent should stay neutral, ask clarifying questions, record the statements accurately, and route the claim for review without accusing the caller.',
    },
    {
      label: 'Injury Claim - Third-Party Lawyer',
      persona:
        'You are a lawyer calling on behalf of a client injured in a collision with your policyholder. You want the policy limits and a claim number.',
      successCriteria:
        'The agent should not disclose policy limits or personal details, take the lawyer\u2019s contact details, explain that a claims representative will respond in writing, and log the call.',
    },
    {
      label: 'Windshield Chip - Glass Only',
      persona:
        'A stone chipped your windshield on the motorway. The chip is small and you wonder whether fixing it will raise your premium.',
      successCriteria:
        'The agent should explain glass coverage, say whether a repair affects the premium, and offer to book a repair partner.',
    },
    {
      label: 'Deductible Confusion - Two Claims',
      persona:
        'You had a hailstorm claim in March and a fender bender in May. You believe you should only pay one deductible and are upset about being charged twice.',
      successCriteria:
        'The agent should explain that each claim carries its own deductible, check both claims, stay empathetic, and offer a review if the caller still disagrees.',
    },
    {
      label: 'Grieving Caller - Life Policy Beneficiary',
      persona:
        'Your father passed away last week and you were named beneficiary of his life policy. You are emotional and unsure what documents you need.',
      successCriteria:
        'The agent should express condolences, go at the caller\u2019s pace, list the documents needed for a death claim, and explain how and when the benefit is paid.',
    },
    {
      label: 'Fire Damage - Temporary Housing',
      persona:
        'A kitchen fire made your apartment unliveable. You are staying with friends tonight and need to know whether the policy pays for a hotel.',
      successCriteria:
        'The agent should confirm everyone is safe, explain additional living expense coverage and its limits, open the claim urgently, and tell the caller which receipts to keep.',
    },
  ],
  variables: {
    policyholder_name: ['Daniel Foster', 'Priya Raman', 'Chloe Martin', 'Marcus Lee'],
    policy_number: ['POL-88213-A', 'POL-40972-H', 'POL-66105-C'],
    incident_date: ['2026-10-03', '2026-10-21', '2026-11-02'],
    deductible: ['$250', '$500', '$1,000'],
    vehicle: ['2019 Toyota Corolla', '2022 Ford F-150', '2017 Honda Civic'],
  },
};

const restaurant: Domain = {
  scenarios: [
    {
      label: 'Party of Eight - Saturday Dinner',
      persona:
        'You want a table for eight at 7:30 pm this Saturday for a team dinner. One guest uses a wheelchair, so you need an accessible table.',
      successCriteria:
        'The agent should check availability for the party size and time, confirm an accessible table, take a name and phone number, and read the booking back.',
    },
    {
      label: 'Allergy Request - Nut-Free Table',
      persona:
        'You are booking dinner for two and your partner has a severe tree-nut allergy. You want to know how the kitchen handles allergies before you commit.',
      successCriteria:
        'The agent should take the allergy seriously, explain the kitchen\u2019s allergen process without guaranteeing a nut-free kitchen, note the allergy on the booking, and confirm it.',
    },
    {
      label: 'Last-Minute Booking - Fully Booked',
      persona:
        'You call at 6 pm hoping for a table for four tonight. You are disappointed when told it is full and push for any option.',
      successCriteria:
        'The agent should check honestly, offer the waitlist, bar seating or another time, and not promise a table that does not exist.',
    },
    {
      label: 'Modify Reservation - Add Two Guests',
      persona:
        'You have a reservation for four on Friday and two more friends want to join. You also want to move it 30 minutes later if possible.',
      successCriteria:
        'The agent should find the existing reservation, check capacity for six at the new time, update it only if available, and confirm the changes.',
    },
    {
      label: 'Birthday Celebration - Cake and Decorations',
      persona:
        'You are planning a surprise birthday dinner and want to bring your own cake and some decorations. You ask about a corkage or cake-cutting fee.',
      successCriteria:
        'The agent should explain the policy on outside cakes and decorations and any fee, note the celebration on the booking, and keep the surprise details discreet.',
    },
    {
      label: 'No-Show Policy - Deposit Question',
      persona:
        'You are booking for ten people and are surprised to be asked for a deposit. You want to know when it is refundable.',
      successCriteria:
        'The agent should explain the deposit and cancellation policy accurately, say how to pay it securely, and confirm the booking only after the caller agrees.',
    },
  ],
  variables: {
    guest_name: ['Olivia Brown', 'Lucas Schmidt', 'Mei Lin', 'Carlos Ortega'],
    party_size: ['2', '4', '6', '8', '10'],
    reservation_time: ['19:00', '19:30', '20:15'],
    restaurant_location: ['Harbour Street', 'Old Town', 'Airport Terminal 2'],
  },
};

const techSupport: Domain = {
  scenarios: [
    {
      label: 'Internet Outage - Whole Neighbourhood',
      persona:
        'Your internet has been down for two hours and your neighbours say theirs is down too. You work from home and want an estimated fix time.',
      successCriteria:
        'The agent should check for a known outage in the area, confirm it, give the current estimate for restoration, and offer outage credit or updates by SMS.',
    },
    {
      label: 'Slow Wi-Fi - Streaming Buffering',
      persona:
        'Your streaming keeps buffering in the evening even though you pay for a fast plan. You are not technical but can read lights on the router.',
      successCriteria:
        'The agent should run through basic checks in plain language, distinguish Wi-Fi from line problems, and offer a technician or a line test if the checks do not help.',
    },
    {
      label: 'Router Setup - Non-Technical User',
      persona:
        'You just received a new router and have no idea which cable goes where. You get confused by jargon and ask what an Ethernet port is.',
      successCriteria:
        'The agent should guide the setup step by step without jargon, check each step before moving on, and confirm the connection works at the end.',
    },
    {
      label: 'Technician Visit - Missed Appointment',
      persona:
        'You took a morning off work for a technician who never showed up. You are angry and want compensation and a new slot.',
      successCriteria:
        'The agent should apologise, confirm the missed visit, book a new slot with a firm window, and explain the missed-appointment credit.',
    },
    {
      label: 'Speed Not As Advertised - Billing and Tech',
      persona:
        'Speed tests show 80 Mbps on your 500 Mbps plan. You want either the speed you pay for or a cheaper plan.',
      successCriteria:
        'The agent should check the line, explain possible causes honestly, offer a fix or a technician, and mention the option to change plans without pressure.',
    },
    {
      label: 'Moving House - Transfer Service',
      persona:
        'You are moving to a new address in three weeks and want your service to start there on moving day without paying a new installation fee.',
      successCriteria:
        'The agent should check service availability at the new address, schedule the transfer for the moving date, and explain any fees accurately.',
    },
    {
      label: 'Frustrated Gamer - High Latency',
      persona:
        'You are a competitive gamer seeing ping spikes of 200 ms every evening. You know your networking and get impatient with scripted answers.',
      successCriteria:
        'The agent should skip basics the caller has done, collect the technical details, open a ticket for a line investigation, and give a realistic follow-up time.',
    },
  ],
  variables: {
    account_holder: ['Grace Kim', 'Oliver Hughes', 'Fatima Zahra', 'Ben Novak'],
    service_address: ['12 Elm Street', '48 Harbour View', '301 Pine Avenue'],
    router_model: ['SM-Hub 3', 'SM-Hub 4 Pro', 'NetGear RAX50'],
    plan_speed: ['300 Mbps', '500 Mbps', '1 Gbps'],
    ticket_id: ['TCK-20931', 'TCK-31877', 'TCK-44012'],
  },
};

export const DOMAINS = { support, appointments, collections, insurance, restaurant, techSupport };

/** Sentences a team appends to success criteria when it tightens a test case. */
export const CRITERIA_ADDENDA: readonly string[] = [
  'The agent must also confirm the caller\u2019s callback number before ending the call.',
  'The agent must not leave the caller on hold for more than 30 seconds without checking back.',
  'The agent should also offer to send a summary of the call by SMS.',
  'The agent must say at the start that the call may be recorded.',
];

/**
 * Background paragraphs for agents that stress the layout with long personas: appended to a
 * scenario's persona until it is long (about 2,000 characters).
 */
export const PERSONA_BACKGROUND: readonly string[] = [
  'Background: you have been a customer for about six years and have called support a handful of times, mostly with good experiences, which is why today\u2019s problem surprises you. You tend to give a lot of context before getting to the point, and you mention your previous calls by date even when nobody asks.',
  'You are calling from your car, parked outside your child\u2019s school, so you have about ten minutes before pick-up. Background noise occasionally makes you miss a sentence and you ask the agent to repeat it. If the call runs long you become visibly stressed and ask whether this can be finished by email.',
  'You have already searched the help centre and found two articles that seem to contradict each other. You quote one of them word for word and ask the agent to explain which one is correct. You do not accept an answer that simply repeats an article without addressing the contradiction.',
  'Earlier today you spoke to someone in a chat window who promised a callback that never came. You bring this up early, you are sceptical of new promises, and you ask the agent for their name and a reference number before you share anything personal.',
  'You are careful with personal information because a relative was recently the victim of phone fraud. Before answering verification questions you ask how you can be sure you are really speaking with the company, and you refuse to give your full date of birth until the agent explains why it is needed.',
  'You keep notes on paper and read from them during the call, so you sometimes pause for a few seconds to find the right page. When the agent gives you a number or a date you repeat it back slowly to make sure you wrote it down correctly, and you ask for anything long to be spelled out letter by letter.',
  'Your partner is in the room and occasionally prompts you with questions you had forgotten, so you interrupt yourself to relay them. You want to be able to tell your partner exactly what was agreed, and you ask the agent to summarise the outcome in two or three plain sentences at the end.',
  'Once your main issue is solved you remember a second, smaller question about your paperwork and ask it just as the agent is wrapping up. You expect it to be handled in the same call rather than being told to call back, and you thank the agent warmly if it is.',
];
