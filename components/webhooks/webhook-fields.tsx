import type { ActionState } from "@/lib/adapters/action-state";
import { FieldError, inputClass, invalid } from "@/components/ui/form-status";

/** The event checkboxes and format choice, shared by the create and edit forms. */
export function WebhookFields(props: {
  idPrefix: string;
  state: ActionState;
  eventTypes: { type: string; label: string }[];
  events: string[];
  format: "SLIPWAY" | "SLACK";
  active: boolean;
}) {
  const { idPrefix, state } = props;
  return (
    <>
      <fieldset className="space-y-1" aria-describedby="events-error" {...invalid(state, "events")}>
        <legend className="text-sm font-medium">Events</legend>
        <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
          {props.eventTypes.map(({ type, label }) => (
            <label key={type} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`event:${type}`} defaultChecked={props.events.includes(type)} />
              {label}
            </label>
          ))}
        </div>
        <FieldError state={state} field="events" />
      </fieldset>
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor={`${idPrefix}-format`} className="text-sm font-medium">
            Format
          </label>
          <select id={`${idPrefix}-format`} name="format" defaultValue={props.format} className={inputClass}>
            <option value="SLIPWAY">Slipway JSON</option>
            <option value="SLACK">Slack-compatible ({"{ text }"})</option>
          </select>
        </div>
        <label className="flex items-center gap-2 pb-1.5 text-sm">
          <input type="checkbox" name="active" defaultChecked={props.active} />
          Active
        </label>
      </div>
    </>
  );
}
