/** What the category becomes after the top 1, 3 and 5 actions, and the steps to the next band. */
import type { Prediction } from '../../../shared/types';
import { BandCode } from '../../components/badge';
import { Icon } from '../../components/icons';
import { formatScore } from '../assessment/score-format';

export function sentenceCase(text: string): string {
  return text.charAt(0).toLocaleUpperCase('id-ID') + text.slice(1);
}

function BandOrDash({ band }: { band: Prediction['before']['band'] }) {
  return band ? <BandCode band={band} /> : <span className="band-code band-code--empty">–</span>;
}

export function PredictionCards({ predictions, decimals = 2 }: { predictions: Prediction[]; decimals?: number }) {
  if (predictions.length === 0) return <p className="text-subtle">Tidak ada langkah perbaikan: semua sudah di tingkat tertinggi.</p>;
  return (
    <ul className="predictions" aria-label="Perkiraan hasil">
      {predictions.map((prediction) => {
        const moved = prediction.before.band?.code !== prediction.after.band?.code;
        return (
          <li key={prediction.steps} className={`prediction${moved ? ' prediction--up' : ''}`}>
            <div className="prediction__head">Jika {prediction.steps} langkah teratas selesai</div>
            <div className="prediction__bands">
              <BandOrDash band={prediction.before.band} />
              <Icon name="chevron-right" size={18} className="prediction__arrow" />
              <BandOrDash band={prediction.after.band} />
              <span className="prediction__values">
                {formatScore(prediction.before.value, decimals)} → <strong>{formatScore(prediction.after.value, decimals)}</strong>
              </span>
            </div>
            <p className="prediction__sentence">{sentenceCase(prediction.sentence)}</p>
          </li>
        );
      })}
    </ul>
  );
}
